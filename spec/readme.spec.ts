import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import * as fixtory from 'fixtory';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
/**
 * Every TypeScript file under samples/, spec/ and spec-es/ (the builds compile them and the specs run
 * them) and under mikro-orm-7/samples and mikro-orm-7/spec (`npm run test:mikro-orm-7` compiles and runs them).
 */
const executed = ['samples', 'spec', 'spec-es', 'mikro-orm-7/samples', 'mikro-orm-7/spec']
  .flatMap((dir) => readdirSync(`${root}${dir}`, { recursive: true, encoding: 'utf8' }).map((file) => `${root}${dir}/${file}`))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

function codeBlocks(language: string): string[] {
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  return [...readme.matchAll(fence)].map((match) => match[1]!);
}

describe('README', () => {
  const blocks = codeBlocks('ts');

  it('has TypeScript examples', () => {
    expect(blocks.length).to.be.greaterThan(5);
  });

  // Samples and specs are compiled by the build and run by the specs (samples through
  // spec/samples.spec.ts), so a block that stands verbatim in one of them is compiled and run too.
  blocks.forEach((block, index) => {
    it(`example ${index + 1} (${block.trim().split('\n')[0]}) is part of a sample or spec that npm test runs`, () => {
      expect(executed.includes(block), `README example ${index + 1} is not verbatim in any samples/ or spec/ file`).to.equal(true);
    });
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
