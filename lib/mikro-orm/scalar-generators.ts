import type { Faker } from '@faker-js/faker';
import { Unresolvable, type ValueGenerator } from '../generators/design-type.js';
import { stringGeneratorFor } from '../generators/string-hints.js';
import { columnTypeGenerator, driverTypeGenerators, mappedTypeGenerators, parseColumnType, type ScalarGenerator } from './column-types.js';
import type { PropertyFacts } from './property-facts.js';

export type { ScalarGenerator } from './column-types.js';

const textTypes = new Set(['text', 'tinytext', 'mediumtext', 'longtext', 'clob']);
const stringTypes = new Set(['string', 'varchar', 'character varying', 'nvarchar']);

function truncated(generate: (faker: Faker) => string, maxLength: number | undefined): ValueGenerator {
  return maxLength === undefined ? (ctx) => generate(ctx.faker) : (ctx) => generate(ctx.faker).slice(0, maxLength);
}

/**
 * The generator for a scalar property, or why there is none. The column type decides first where it
 * refines the MikroORM type (column-types.ts), then strings and texts, then the MikroORM type's table.
 */
export function scalarGenerator(facts: PropertyFacts): ScalarGenerator | Unresolvable {
  const parsed = parseColumnType(facts.columnType);
  const column = { name: parsed?.name, size: typeof parsed?.args[0] === 'number' ? parsed.args[0] : undefined };
  const type = facts.type === 'unknown' || facts.type === 'any' ? (column.name ?? facts.type) : facts.type;
  const driverType = facts.customType ? driverTypeGenerators[facts.customType] : undefined;
  if (driverType && parsed?.name === driverType.columnType) return driverType.generator;
  if (facts.customType) {
    return new Unresolvable(`its type is the custom MikroORM type ${facts.customType}, which fixtory cannot generate`);
  }
  if (facts.array && facts.items && facts.items.length > 0) {
    const items = facts.items;
    return { generate: (ctx) => ctx.faker.helpers.arrayElements(items, { min: 1, max: items.length }) };
  }
  const byColumn = columnTypeGenerator({ ...facts, type }, parsed);
  if (byColumn) return byColumn;
  if (stringTypes.has(type)) {
    const maxLength = facts.length ?? column.size ?? 255;
    return { generate: truncated(stringGeneratorFor(facts.name), maxLength), type: String, maxLength };
  }
  if (textTypes.has(type)) {
    const hinted = stringGeneratorFor(facts.name);
    const named = facts.name.toLowerCase();
    const generate = /name|mail|phone|url|city|country|street|address|code|title/.test(named) ? hinted : (f: Faker) => f.lorem.paragraph();
    return { generate: truncated(generate, facts.length), type: String, maxLength: facts.length };
  }
  const mapped = mappedTypeGenerators[type];
  if (mapped) return mapped(facts, parsed);
  return new Unresolvable(`its MikroORM type '${facts.type}' is not one fixtory knows how to generate`);
}
