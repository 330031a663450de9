#!/usr/bin/env node
// Fails when the modules under lib/ import each other in a cycle, type-only imports included (as
// madge counts them): a cycle of types is still two modules that cannot be read one after the other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = resolve(process.argv[2] ?? join(root, 'lib'));
const files = readdirSync(lib, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(lib, file));

const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"](\.[^'"]+)['"]/gm;

function runtimeImports(file) {
  const source = readFileSync(file, 'utf8');
  const found = [];
  for (const [, , , , target] of source.matchAll(statement)) {
    found.push(resolve(dirname(file), target.replace(/\.js$/, '.ts')));
  }
  // Side-effect imports (`import './x.js'`) run the module too.
  for (const [, target] of source.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) found.push(resolve(dirname(file), target.replace(/\.js$/, '.ts')));
  return found;
}

const graph = new Map(files.map((file) => [file, runtimeImports(file)]));
const cycles = [];
const state = new Map(); // 1: on the stack, 2: done
const stack = [];
function visit(file) {
  state.set(file, 1);
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 1) cycles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 2);
}
for (const file of files) if (!state.has(file)) visit(file);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => relative(root, f)).join(' -> ')}`);
  process.exit(1);
}
console.log(`no import cycles among ${files.length} modules under ${relative(root, lib) || '.'}/`);
