import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './cli-error.js';

/** The parts of a MikroORM instance the CLI uses. */
export interface CliOrm {
  em: { fork(): { transactional<R>(callback: (em: unknown) => Promise<R>): Promise<R> } };
  schema: { refreshDatabase?(): Promise<void>; refresh?(): Promise<void> };
  config: { get(key: string): unknown };
  close(force?: boolean): Promise<void>;
}

/** Where MikroORM's own CLI looks for its configuration, compiled JavaScript first (fixtory runs no TypeScript loader). */
const defaultPaths = ['./dist/mikro-orm.config.js', './build/mikro-orm.config.js', './mikro-orm.config.js', './src/mikro-orm.config.js'];

/** The configuration paths of a project: `--config`, else package.json's `mikro-orm.configPaths`, else MikroORM's defaults. */
function configPaths(cwd: string, given: string | undefined): string[] {
  if (given) return [given];
  const manifest = join(cwd, 'package.json');
  if (existsSync(manifest)) {
    const paths = (JSON.parse(readFileSync(manifest, 'utf8')) as { 'mikro-orm'?: { configPaths?: string[] } })['mikro-orm']?.configPaths;
    if (Array.isArray(paths) && paths.length > 0) return paths.map((path) => path.replace(/\.ts$/, '.js'));
  }
  return defaultPaths;
}

/** Loads the project's MikroORM configuration and initialises the ORM with the project's own @mikro-orm/core. */
export async function loadOrm(cwd: string, given: string | undefined): Promise<{ orm: CliOrm; configFile: string }> {
  const candidates = configPaths(cwd, given).map((path) => resolve(cwd, path));
  const configFile = candidates.find((path) => existsSync(path));
  if (!configFile) {
    throw new CliError(`no MikroORM configuration found (looked for ${candidates.join(', ')}): pass --config <file>, or set "mikro-orm": { "configPaths": [...] } in package.json.`);
  }
  const loaded = (await import(pathToFileURL(configFile).href)) as { default?: unknown; config?: unknown };
  let options = loaded.default ?? loaded.config;
  if (typeof options === 'function') options = await (options as () => unknown)();
  if (options === null || typeof options !== 'object') throw new CliError(`${configFile} exports no MikroORM configuration (a default export of the options object).`);
  let core: { MikroORM: { init(options: unknown): Promise<CliOrm> } };
  try {
    core = createRequire(configFile)('@mikro-orm/core') as typeof core;
  } catch {
    throw new CliError(`@mikro-orm/core is not installed next to ${configFile}: fixtory's CLI runs your MikroORM.`);
  }
  return { orm: await core.MikroORM.init(options), configFile };
}

/** Drops and recreates the schema, on MikroORM 6 (`refreshDatabase`) and 7 (`refresh`). */
export async function refreshSchema(orm: CliOrm): Promise<void> {
  const schema = orm.schema;
  await (schema.refresh ? schema.refresh() : schema.refreshDatabase!());
}
