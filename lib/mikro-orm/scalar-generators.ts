import { Unresolvable } from '../generators/design-type.js';
import { hintedGenerator } from '../generators/generator-sources.js';
import { columnTypeGenerator, mappedTypeGenerators, parseColumnType, type ScalarGenerator } from './column-types.js';
import type { PropertyFacts } from './property-facts.js';

export type { ScalarGenerator } from './column-types.js';

const textTypes = new Set(['text', 'tinytext', 'mediumtext', 'longtext', 'clob']);
const stringTypes = new Set(['string', 'varchar', 'character varying', 'nvarchar']);

/**
 * The generator for a scalar property, or why there is none. The column type decides first where it
 * refines the MikroORM type (column-types.ts), then strings and texts, then the MikroORM type's table.
 */
export function scalarGenerator(facts: PropertyFacts): ScalarGenerator | Unresolvable {
  const parsed = parseColumnType(facts.columnType);
  const column = { name: parsed?.name, size: typeof parsed?.args[0] === 'number' ? parsed.args[0] : undefined };
  const type = facts.type === 'unknown' || facts.type === 'any' ? (column.name ?? facts.type) : facts.type;
  if (facts.customType) {
    return new Unresolvable(`its type is the custom MikroORM type ${facts.customType}, which fixtory cannot generate`);
  }
  if (facts.array && facts.items && facts.items.length > 0) {
    const items = facts.items;
    return { generate: (ctx) => ctx.faker.helpers.arrayElements(items, { min: 1, max: items.length }) };
  }
  const byColumn = columnTypeGenerator(facts, parsed);
  if (byColumn) return byColumn;
  // Strings come from the hint table; the plan fits them to maxLength without cutting a format.
  if (stringTypes.has(type)) {
    return { generate: hintedGenerator(facts.name, 'string'), type: String, maxLength: facts.length ?? column.size ?? 255 };
  }
  if (textTypes.has(type)) {
    return { generate: hintedGenerator(facts.name, 'string'), type: String, maxLength: facts.length ?? column.size };
  }
  const mapped = mappedTypeGenerators[type];
  if (mapped) return mapped(facts, parsed);
  return new Unresolvable(`its MikroORM type '${facts.type}' is not one fixtory knows how to generate`);
}
