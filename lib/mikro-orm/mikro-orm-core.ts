import { createRequire } from 'node:module';

type MikroOrmCore = typeof import('@mikro-orm/core');
let core: MikroOrmCore | null | undefined;

/** @mikro-orm/core, if the project has it: an optional peer dependency, loaded only when needed. */
export function mikroOrmCore(): MikroOrmCore | undefined {
  if (core === undefined) {
    try {
      core = createRequire(import.meta.url)('@mikro-orm/core') as MikroOrmCore;
    } catch {
      core = null;
    }
  }
  return core ?? undefined;
}
