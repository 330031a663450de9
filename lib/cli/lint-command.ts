import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintFactories } from '../lint.js';
import { useMikroOrm } from '../mikro-orm/orm-registry.js';
import type { MikroOrmLike } from '../mikro-orm/orm-types.js';
import { loadOrm } from './load-orm.js';

/** `fixtory lint <module>`: imports the module that defines the factories, then lints every registered factory. */
export async function lintCommand(modulePath: string, options: { config?: string; json?: boolean }): Promise<void> {
  await import(pathToFileURL(resolve(process.cwd(), modulePath)).href);
  const { orm } = await loadOrm(process.cwd(), options.config);
  try {
    useMikroOrm(orm as unknown as MikroOrmLike);
    const report = await lintFactories({ orm: orm as unknown as MikroOrmLike });
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stderr.write(`${report.passed.length} checks passed${report.skipped.length > 0 ? `, ${report.skipped.length} skipped:` : '.'}\n`);
      for (const skipped of report.skipped) process.stderr.write(`  - ${skipped}\n`);
    }
  } finally {
    await orm.close(true);
  }
}
