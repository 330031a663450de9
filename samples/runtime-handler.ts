import 'reflect-metadata';
import { Factory, registry } from 'fixtory';
import { sampleFile } from './data-dir.js';
import { JsonFilePersistence, PersonFields } from './json-file-sync.js';

@Factory()
export class TenantPersonFactory extends PersonFields {}

export const defaultFile = sampleFile('runtime-default.json');
export const tenantFile = sampleFile('runtime-tenant.json');

export function main() {
  // A global default serves every factory that has no handler of its own.
  registry.setDefaultPersistence(new JsonFilePersistence(defaultFile));
  TenantPersonFactory.createSync({ name: 'via the default' });

  // The factory's own handler takes precedence; set, replace or remove it at runtime.
  TenantPersonFactory.setPersistence(new JsonFilePersistence(tenantFile));
  TenantPersonFactory.createSync({ name: 'via the tenant handler' });

  TenantPersonFactory.clearPersistence();
  TenantPersonFactory.createSync({ name: 'via the default again' });
  registry.clearDefaultPersistence();
  return { defaultFile, tenantFile };
}
