import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import * as fixtory from 'fixtory';
import { readmeBlocks } from './readme/blocks.js';
import { programsOf, runPrograms, type ProgramResult } from './readme/scratch.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

function codeBlocks(language: string): string[] {
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  return [...readme.matchAll(fence)].map((match) => match[1]!);
}

describe('README', () => {
  const blocks = readmeBlocks(readme);

  it('has TypeScript examples', () => {
    expect(blocks.length).to.be.greaterThan(5);
  });

  it('says why each block it does not run is a fragment', () => {
    const fragments = blocks.filter((block) => block.marker.kind === 'fragment');
    expect(fragments.length, 'fragments stay rare').to.be.at.most(3);
  });

  // MikroORM 7 needs Node 22: its blocks run in `npm run test:mikro-orm-7`, from the file they name.
  for (const block of blocks) {
    if (block.marker.kind !== 'runs-in') continue;
    const path = block.marker.path;
    it(`README.md:${block.line} runs in ${path}`, () => {
      expect(path, 'a runs-in file is part of the MikroORM 7 run').to.match(/^mikro-orm-7\/(samples|spec)\/[\w/-]+\.ts$/);
      expect(readFileSync(`${root}${path}`, 'utf8').includes(block.text), `README.md:${block.line} is verbatim in ${path}`).to.equal(true);
      if (path.startsWith('mikro-orm-7/samples/')) {
        const module = `../samples/${path.slice('mikro-orm-7/samples/'.length).replace(/\.ts$/, '.js')}`;
        const specs = readdirSync(`${root}mikro-orm-7/spec`).map((file) => readFileSync(`${root}mikro-orm-7/spec/${file}`, 'utf8'));
        expect(specs.some((spec) => spec.includes(`'${module}'`)), `a spec of mikro-orm-7/spec imports ${module}`).to.equal(true);
      }
    });
  }

  describe('every TypeScript block, compiled against the built package and run', function () {
    this.timeout(180_000);
    const programs = programsOf(root, blocks);
    let results: Map<string, ProgramResult>;

    before(async () => {
      results = new Map((await runPrograms(root, programs)).map((result) => [result.program.name, result]));
    });

    it('covers every block that is not marked as run elsewhere or as a fragment', () => {
      const covered = programs.flatMap((program) => program.blocks);
      const left = blocks.filter((block) => !covered.includes(block) && block.marker.kind !== 'runs-in' && block.marker.kind !== 'fragment');
      expect(left.map((block) => block.line)).to.deep.equal([]);
    });

    for (const program of programs) {
      const lines = program.blocks.map((block) => block.line).join(', ');
      it(`README.md:${lines}${program.template ? ` (template ${program.template})` : ''}`, () => {
        const result = results.get(program.name);
        expect(result, `${program.name} was run`).to.not.equal(undefined);
        if (result!.failure !== undefined) expect.fail(result!.failure);
      });
    }
  });

  it('documents every value that fixtory exports', () => {
    for (const name of Object.keys(fixtory)) expect(readme, name).to.include(name);
  });

  it('documents every type that fixtory exports', () => {
    const index = readFileSync(`${root}lib/index.ts`, 'utf8');
    const names = [...index.matchAll(/export (?:type )?\{([^}]*)\}/g)]
      .flatMap((match) => match[1]!.split(','))
      .map((name) => name.trim().replace(/^type\s+/, ''))
      .filter((name) => name.length > 0);
    expect(names).to.include.members(['Overrides', 'TraitNames', 'EntityManagerLike']);
    for (const name of names) expect(new RegExp(`\\b${name}\\b`).test(readme), `README names ${name}`).to.equal(true);
  });

  it('documents every static of BaseFactory in the statics table', () => {
    const statics = Object.getOwnPropertyNames(fixtory.BaseFactory).filter(
      (name) => typeof (fixtory.BaseFactory as unknown as Record<string, unknown>)[name] === 'function',
    );
    expect(statics).to.include.members(['build', 'createBatchAsync', 'seed']);
    for (const name of statics) expect(readme).to.include(`| \`${name}(`);
  });

  it('names every folder and top-level module of lib/ in the layout table', () => {
    const layout = readme.slice(readme.indexOf('| in `lib/` |'), readme.indexOf('## Quick start'));
    for (const entry of readdirSync(`${root}lib`, { withFileTypes: true })) {
      const name = entry.isDirectory() ? `\`${entry.name}/\`` : `\`${entry.name}\``;
      expect(layout, `the README's layout of lib/ names ${name}`).to.include(name);
    }
  });

  it('shows the set-up commands', () => {
    expect(codeBlocks('sh').join('\n')).to.include('npm install && npm start').and.include('npm test');
  });
});
