import type { Faker } from '@faker-js/faker';
import { Unresolvable, type ValueGenerator } from '../generators/design-type.js';
import { hintedGenerator } from '../generators/generator-sources.js';
import type { PropertyFacts } from './property-facts.js';

/** A generator for a scalar column, with what uniqueness needs to know about its values. */
export interface ScalarGenerator {
  generate: ValueGenerator;
  /** String for texts that a suffix keeps distinct, Number for integers; undefined: redraw until new. */
  type?: Function;
  maxLength?: number;
  maxInteger?: number;
}

const integerMax: Record<string, number> = {
  tinyint: 127,
  smallint: 32_767,
  int2: 32_767,
  mediumint: 8_388_607,
  integer: 2_147_483_647,
  int: 2_147_483_647,
  int4: 2_147_483_647,
  number: 2_147_483_647,
};
const floatTypes = new Set(['float', 'real', 'double', 'double precision', 'float4', 'float8']);
const textTypes = new Set(['text', 'tinytext', 'mediumtext', 'longtext', 'clob']);
const stringTypes = new Set(['string', 'varchar', 'character varying', 'nvarchar']);
const dateTimeTypes = new Set(['datetime', 'timestamp', 'timestamptz', 'datetimetz']);
const blobTypes = new Set(['blob', 'bytea', 'buffer', 'longblob', 'mediumblob', 'tinyblob', 'varbinary']);

/** Reads a type name and length out of a column type such as 'varchar(12)' or 'numeric(8,2)'. */
function parseColumnType(columnType: string | undefined): { name?: string; size?: number; scale?: number } {
  const match = /^([a-z ]+?)\s*(?:\((\d+)(?:\s*,\s*(\d+))?\))?$/.exec(columnType ?? '');
  if (!match) return {};
  return { name: match[1], size: match[2] ? Number(match[2]) : undefined, scale: match[3] ? Number(match[3]) : undefined };
}

/** A decimal with `precision` digits, `scale` of them after the point, whose last digit is never 0 (so it reads back as written). */
function decimalGenerator(precision: number, scale: number, asNumber: boolean): ValueGenerator {
  const integerDigits = Math.max(1, Math.min(precision - scale, 15 - scale));
  return (ctx) => {
    const whole = ctx.faker.number.int({ min: 0, max: 10 ** integerDigits - 1 });
    const fraction = scale > 0 ? `.${ctx.faker.string.numeric(scale - 1)}${ctx.faker.number.int({ min: 1, max: 9 })}` : '';
    const text = `${whole}${fraction}`;
    return asNumber ? Number(text) : text;
  };
}

/** A Date at whole seconds: every database's datetime column keeps it exactly. */
function dateTime(faker: Faker): Date {
  return new Date(Math.floor(faker.date.past({ years: 5 }).getTime() / 1000) * 1000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The generator for a scalar property, or why there is none. */
export function scalarGenerator(facts: PropertyFacts): ScalarGenerator | Unresolvable {
  const column = parseColumnType(facts.columnType);
  const type = facts.type === 'unknown' || facts.type === 'any' ? (column.name ?? facts.type) : facts.type;
  if (facts.customType) {
    return new Unresolvable(`its type is the custom MikroORM type ${facts.customType}, which fixtory cannot generate`);
  }
  if (facts.array && facts.items && facts.items.length > 0) {
    const items = facts.items;
    return { generate: (ctx) => ctx.faker.helpers.arrayElements(items, { min: 1, max: items.length }) };
  }
  // Strings come from the hint table; the plan fits them to maxLength without cutting a format.
  if (stringTypes.has(type)) {
    return { generate: hintedGenerator(facts.name, 'string'), type: String, maxLength: facts.length ?? column.size ?? 255 };
  }
  if (type === 'character' || type === 'char') {
    const length = facts.length ?? column.size ?? 1;
    return { generate: (ctx) => ctx.faker.string.alpha(length) };
  }
  if (textTypes.has(type)) {
    return { generate: hintedGenerator(facts.name, 'string'), type: String, maxLength: facts.length ?? column.size };
  }
  if (type === 'number' && column.name && (floatTypes.has(column.name) || column.name === 'numeric' || column.name === 'decimal')) {
    return { generate: (ctx) => ctx.faker.number.float({ min: 0, max: 10_000, fractionDigits: 2 }) };
  }
  if (integerMax[type] !== undefined) {
    const maxInteger = integerMax[type]!;
    return { generate: (ctx) => ctx.faker.number.int({ min: 0, max: Math.min(maxInteger, 100_000) }), type: Number, maxInteger };
  }
  if (floatTypes.has(type)) return { generate: (ctx) => ctx.faker.number.float({ min: 0, max: 10_000, fractionDigits: 2 }) };
  if (type === 'decimal' || type === 'numeric') {
    const precision = facts.precision ?? column.size ?? 10;
    const scale = facts.scale ?? column.scale ?? (facts.precision || column.size ? 0 : 2);
    return { generate: decimalGenerator(precision, scale, facts.runtimeType === 'number') };
  }
  if (type === 'bigint' || type === 'int8') {
    const runtime = facts.runtimeType?.toLowerCase();
    return {
      generate: (ctx) => {
        const value = ctx.faker.number.bigInt({ min: 0n, max: 1_000_000_000_000n });
        return runtime === 'bigint' ? value : runtime === 'number' ? Number(value) : String(value);
      },
    };
  }
  if (type === 'boolean' || type === 'bool') return { generate: (ctx) => ctx.faker.datatype.boolean(), type: Boolean };
  if (dateTimeTypes.has(type)) return { generate: (ctx) => dateTime(ctx.faker) };
  if (type === 'date') {
    return {
      generate: (ctx) => {
        const day = dateTime(ctx.faker).toISOString().slice(0, 10);
        return facts.runtimeType === 'Date' ? new Date(`${day}T00:00:00.000Z`) : day;
      },
    };
  }
  if (type === 'time') {
    return { generate: (ctx) => `${pad(ctx.faker.number.int(23))}:${pad(ctx.faker.number.int(59))}:${pad(ctx.faker.number.int(59))}` };
  }
  if (type === 'uuid') return { generate: (ctx) => ctx.faker.string.uuid() };
  if ((type === 'json' || type === 'jsonb') && facts.runtimeType === 'array') {
    return { generate: (ctx) => ctx.faker.lorem.words({ min: 1, max: 3 }).split(' ') };
  }
  if (type === 'json' || type === 'jsonb') {
    return { generate: (ctx) => ({ [ctx.faker.lorem.word()]: ctx.faker.lorem.words(2), count: ctx.faker.number.int(100) }) };
  }
  if (type === 'array') return { generate: (ctx) => ctx.faker.lorem.words({ min: 1, max: 3 }).split(' ') };
  if (blobTypes.has(type) || type === 'uint8array') {
    const bytes = (faker: Faker) => Array.from({ length: 16 }, () => faker.number.int(255));
    return { generate: (ctx) => (type === 'uint8array' ? Uint8Array.from(bytes(ctx.faker)) : Buffer.from(bytes(ctx.faker))) };
  }
  if (type === 'interval') return { generate: (ctx) => `${ctx.faker.number.int({ min: 1, max: 30 })} days` };
  return new Unresolvable(`its MikroORM type '${facts.type}' is not one fixtory knows how to generate`);
}
