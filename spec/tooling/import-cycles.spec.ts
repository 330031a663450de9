import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const script = fileURLToPath(new URL('../../../scripts/check-import-cycles.mjs', import.meta.url));

function check(files: Record<string, string>): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fixtory-cycles-'));
  try {
    for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
    try {
      return { code: 0, output: execFileSync(process.execPath, [script, dir], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      return { code: failed.status, output: failed.stderr };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the import-cycle check of npm test', () => {
  it('fails on two modules that import each other, type-only imports included', () => {
    const result = check({ 'a.ts': "import { b } from './b.js';\nexport const a = 1;\n", 'b.ts': "import type { A } from './a.js';\nexport const b = 2;\n" });
    expect(result.code).to.equal(1);
    expect(result.output).to.match(/import cycle: .*a\.ts -> .*b\.ts -> .*a\.ts/);
  });

  it('passes on modules that import in one direction', () => {
    const result = check({ 'a.ts': "import { b } from './b.js';\nexport const a = b;\n", 'b.ts': 'export const b = 2;\n' });
    expect(result.code).to.equal(0);
    expect(result.output).to.include('no import cycles among 2 modules');
  });
});
