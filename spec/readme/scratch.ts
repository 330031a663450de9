/**
 * Runs the README's TypeScript blocks as a user would: a scratch project in a temporary folder whose
 * `node_modules/fixtory` is this package (a symlink to the project root, so `'fixtory'` goes through
 * package.json `exports` to the built `dist/lib`), type-checked by the project's `tsc` against
 * fixtory's `.d.ts` and executed with node, one process per program, each on a SQLite file of its own.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ReadmeBlock } from './blocks.js';

const placeholder = '// README block';

/** One file of the scratch project: a complete block, or a template with its blocks in place. */
export interface Program {
  name: string;
  /** Compiled with ES decorators (a template under `es/`). */
  es: boolean;
  template?: string;
  blocks: ReadmeBlock[];
  source: string;
  /** Where each block starts in `source` (1-based), in block order. */
  starts: number[];
  /** Why the program cannot be made (a missing template, a wrong number of blocks for it). */
  problem?: string;
}

export interface ProgramResult {
  program: Program;
  /** The README line and what failed, or undefined when the program compiled and ran. */
  failure?: string;
  /** What the program printed, when it ran. */
  output?: string;
}

export interface ScratchOptions {
  /** The packages linked into the scratch project's node_modules (default: what the README's blocks import). */
  packages?: string[];
  /**
   * `link` (default): node_modules/fixtory is a symlink to this project, whose own node_modules then
   * serve fixtory's imports. `copy`: a copy of package.json and dist/lib, which finds only what the
   * scratch project links (a user's install without an optional peer).
   */
  fixtory?: 'link' | 'copy';
  /** Leave the scratch folder in place (to look at it by hand). */
  keep?: boolean;
}

/** The scratch project's own files: templates and their shared support modules (not part of the build). */
export function scratchSources(root: string): string {
  return join(root, 'spec/readme/scratch');
}

/** The programs the README's blocks make: a complete block alone, template blocks in their template. */
export function programsOf(root: string, blocks: ReadmeBlock[]): Program[] {
  const programs: Program[] = [];
  const byTemplate = new Map<string, ReadmeBlock[]>();
  for (const block of blocks) {
    if (block.marker.kind === 'program') {
      programs.push({ name: `block-${block.line}`, es: false, blocks: [block], source: block.text, starts: [1] });
    } else if (block.marker.kind === 'template') {
      const list = byTemplate.get(block.marker.name) ?? [];
      list.push(block);
      byTemplate.set(block.marker.name, list);
    }
  }
  for (const [name, templateBlocks] of byTemplate) {
    const file = join(scratchSources(root), `${name}.ts`);
    const where = `README.md:${templateBlocks[0]!.line}`;
    const program = { name: name.replace('/', '-'), es: name.startsWith('es/'), template: name, blocks: templateBlocks, source: '', starts: [] };
    if (!existsSync(file)) {
      programs.push({ ...program, problem: `${where}: its template spec/readme/scratch/${name}.ts does not exist` });
      continue;
    }
    const lines = readFileSync(file, 'utf8').split('\n');
    const slots = lines.filter((line) => line.trim() === placeholder).length;
    if (slots !== templateBlocks.length) {
      const problem = `${where}: template ${name} has ${slots} "${placeholder}" line(s), but ${templateBlocks.length} README block(s) name it (lines ${templateBlocks.map((b) => b.line).join(', ')})`;
      programs.push({ ...program, problem });
      continue;
    }
    const out: string[] = [];
    const starts: number[] = [];
    let next = 0;
    for (const line of lines) {
      if (line.trim() !== placeholder) {
        out.push(line);
        continue;
      }
      starts.push(out.length + 1);
      out.push(...templateBlocks[next++]!.text.replace(/\n$/, '').split('\n'));
    }
    programs.push({ ...program, source: out.join('\n'), starts });
  }
  return programs;
}

/** The README line of a program's line, when it is inside a block; else the template's line. */
export function readmeLocation(program: Program, line: number): string {
  if (program.blocks.length === 0) return `${program.name}.ts, line ${line}`;
  for (let index = program.blocks.length - 1; index >= 0; index--) {
    const start = program.starts[index]!;
    const length = program.blocks[index]!.text.split('\n').length - 1;
    if (line >= start && line < start + length) return `README.md:${program.blocks[index]!.line + line - start}`;
  }
  const first = `README.md:${program.blocks[0]!.line}`;
  return program.template ? `${first} (its template spec/readme/scratch/${program.template}.ts, line ${line})` : first;
}

/** Packages the scratch programs import, linked from the project's node_modules. */
const linked = ['reflect-metadata', '@faker-js/faker', 'chai', '@types/chai', '@types/node', '@mikro-orm/core', '@mikro-orm/sqlite', '@mikro-orm/seeder'];

const compilerOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022'],
  types: ['node'],
  rootDir: '.',
  outDir: 'dist',
  strict: true,
  sourceMap: true,
  skipLibCheck: true,
};

export interface Run {
  code: number;
  output: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, timeout });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: signal ? `${output}\n(killed by ${signal})` : output }));
  });
}

/** Creates the scratch project in `dir`: node_modules links, tsconfigs, support modules, programs. */
export function writeScratchProject(root: string, dir: string, programs: Program[], options: ScratchOptions = {}): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  if (options.fixtory === 'copy') {
    cpSync(join(root, 'dist/lib'), join(dir, 'node_modules/fixtory/dist/lib'), { recursive: true });
    cpSync(join(root, 'package.json'), join(dir, 'node_modules/fixtory/package.json'));
  } else {
    symlinkSync(root, join(dir, 'node_modules/fixtory'), 'dir');
  }
  for (const name of options.packages ?? linked) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-scratch', private: true, type: 'module' }));
  const legacy = { ...compilerOptions, experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: legacy, include: ['programs', 'support'] }));
  writeFileSync(join(dir, 'tsconfig.es.json'), JSON.stringify({ compilerOptions, include: ['es-programs'] }));
  mkdirSync(join(dir, 'programs'));
  mkdirSync(join(dir, 'es-programs'));
  mkdirSync(join(dir, 'support'));
  const support = join(scratchSources(root), 'support');
  for (const file of readdirSync(support)) writeFileSync(join(dir, 'support', file), readFileSync(join(support, file)));
  // The demo's entities are the sample's own (with the module that picks the MikroORM major's decorators), not a copy.
  for (const file of ['demo-entities.ts', 'mikro-orm-major.ts']) writeFileSync(join(dir, 'support', file), readFileSync(join(root, 'samples', file)));
  for (const program of programs) writeFileSync(join(dir, program.es ? 'es-programs' : 'programs', `${program.name}.ts`), program.source);
}

/** tsc's diagnostics per file of the scratch project (`programs/x.ts`), each with its line. */
function diagnostics(output: string): Map<string, { line: number; text: string }[]> {
  const byFile = new Map<string, { line: number; text: string }[]>();
  let last: { line: number; text: string } | undefined;
  for (const line of output.split('\n')) {
    const match = /^([\w./-]+\.ts)\((\d+),\d+\): (error .*)$/.exec(line);
    if (match) {
      const list = byFile.get(match[1]!) ?? [];
      last = { line: Number(match[2]), text: match[3]! };
      list.push(last);
      byFile.set(match[1]!, list);
    } else if (last && line.startsWith('  ')) {
      last.text += `\n${line}`;
    } else if (line.trim() !== '') {
      last = undefined;
      const list = byFile.get('') ?? [];
      list.push({ line: 0, text: line });
      byFile.set('', list);
    }
  }
  return byFile;
}

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Type-checks every program with the project's tsc (the native TypeScript 7 compiler has no JS API:
 * its binary runs), then runs each one that compiled with node. Removes the scratch folder after.
 */
export async function runPrograms(root: string, programs: Program[], options: ScratchOptions = {}): Promise<ProgramResult[]> {
  const problems = programs.filter((program) => program.problem !== undefined).map((program) => ({ program, failure: program.problem }));
  programs = programs.filter((program) => program.problem === undefined);
  const dir = mkdtempSync(join(tmpdir(), 'fixtory-readme-'));
  try {
    writeScratchProject(root, dir, programs, options);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const [legacy, es] = await Promise.all([
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir),
      programs.some((program) => program.es) ? run(process.execPath, [tsc, '-p', 'tsconfig.es.json'], dir) : Promise.resolve({ code: 0, output: '' }),
    ]);
    const errors = diagnostics(`${legacy.output}\n${es.output}`);
    const shared = [...errors].filter(([file]) => !file.startsWith('programs/') && !file.startsWith('es-programs/'));
    const results = await inParallel(programs, 2, async (program): Promise<ProgramResult> => {
      const file = `${program.es ? 'es-programs' : 'programs'}/${program.name}`;
      if (shared.length > 0) {
        return { program, failure: `the scratch project does not compile: ${shared.map(([name, list]) => list.map((e) => `${name}(${e.line}): ${e.text}`).join('\n')).join('\n')}` };
      }
      const own = errors.get(`${file}.ts`);
      if (own) return { program, failure: own.map((error) => `${readmeLocation(program, error.line)}: ${error.text}`).join('\n') };
      const env = { ...process.env, README_SCRATCH_DB: join(dir, `${program.name}.sqlite`) };
      const result = await run(process.execPath, ['--enable-source-maps', `dist/${file}.js`], dir, env);
      if (result.code === 0) return { program, output: result.output };
      const at = new RegExp(`${file}\\.ts:(\\d+)`).exec(result.output);
      const where = readmeLocation(program, at ? Number(at[1]) : 1);
      return { program, failure: `${where}: exit code ${result.code}\n${result.output.trim()}`, output: result.output };
    });
    return [...problems, ...results];
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}
