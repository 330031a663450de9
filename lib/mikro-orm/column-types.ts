import type { Faker } from '@faker-js/faker';
import type { ValueGenerator } from '../generators/design-type.js';
import type { PropertyFacts } from './property-facts.js';

/** A column type as declared or discovered: 'numeric(6,2)', "enum('a','b')", 'int[]', 'decimal(6,2) unsigned'. */
export interface ColumnType {
  /** Lower-case base name: 'numeric', 'character varying', 'enum', 'int'. */
  name: string;
  /** The arguments in parentheses: sizes as numbers, quoted members as strings. */
  args: (number | string)[];
  /** Declared as an array of its base type ('int[]'). */
  array: boolean;
}

/** A generator for a scalar column, with what uniqueness needs to know about its values. */
export interface ScalarGenerator {
  generate: ValueGenerator;
  /** String for texts that a suffix keeps distinct, Number for integers; undefined: redraw until new. */
  type?: Function;
  maxLength?: number;
  maxInteger?: number;
}

function parseArgs(text: string): (number | string)[] {
  const args: (number | string)[] = [];
  for (const match of text.matchAll(/'((?:[^']|'')*)'|([^,\s]+)/g)) {
    args.push(match[1] !== undefined ? match[1].replace(/''/g, "'") : Number(match[2]));
  }
  return args;
}

export function parseColumnType(columnType: string | undefined): ColumnType | undefined {
  if (columnType === undefined) return undefined;
  const match = /^([a-z][a-z0-9 ]*?)\s*(?:\((.*)\))?\s*(?:unsigned|zerofill|\s)*((?:\[\d*\])*)$/.exec(columnType.trim().toLowerCase());
  if (!match) return undefined;
  return { name: match[1]!, args: match[2] ? parseArgs(match[2]) : [], array: match[3]!.length > 0 };
}

/** The column type's size argument, or the property's length. */
function size(column: ColumnType | undefined, facts: PropertyFacts): number | undefined {
  return typeof column?.args[0] === 'number' ? column.args[0] : facts.length;
}

/** A decimal with `precision` digits, `scale` of them after the point, whose last digit is never 0 (so it reads back as written). */
function decimal(precision: number, scale: number, asNumber: boolean): ValueGenerator {
  // numeric(2,2) has no integer digit: its values are below 1.
  const integerDigits = Math.max(0, Math.min(precision - scale, 15 - scale));
  return ({ faker }) => {
    const whole = faker.number.int({ min: 0, max: 10 ** integerDigits - 1 });
    const fraction = scale > 0 ? `.${faker.string.numeric(scale - 1)}${faker.number.int({ min: 1, max: 9 })}` : '';
    const text = `${whole}${fraction}`;
    return asNumber ? Number(text) : text;
  };
}

function decimalFor(column: ColumnType | undefined, facts: PropertyFacts): ValueGenerator {
  const p = column?.args[0];
  const s = column?.args[1];
  const precision = facts.precision ?? (typeof p === 'number' ? p : undefined);
  const scale = facts.scale ?? (typeof s === 'number' ? s : precision !== undefined ? 0 : 2);
  return decimal(precision ?? 10, scale, facts.runtimeType === 'number');
}

const integer = (max: number): ScalarGenerator => ({ generate: ({ faker }) => faker.number.int({ min: 0, max: Math.min(max, 100_000) }), type: Number, maxInteger: max });
const float: ScalarGenerator = { generate: ({ faker }) => faker.number.float({ min: 0, max: 10_000, fractionDigits: 2 }) };

/** A Date at whole seconds: every database's datetime column keeps it exactly. */
function dateTime(faker: Faker): Date {
  return new Date(Math.floor(faker.date.past({ years: 5 }).getTime() / 1000) * 1000);
}

/** As PostgreSQL prints an interval: '1 day', '2 days'. */
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (faker: Faker) => `${pad(faker.number.int(23))}:${pad(faker.number.int(59))}:${pad(faker.number.int(59))}`;
const bytes = (faker: Faker, length: number) => Array.from({ length }, () => faker.number.int(255));
const coordinate = (faker: Faker) => faker.number.int({ min: -500, max: 500 });
const points = (faker: Faker, count: number) => Array.from({ length: count }, () => `(${coordinate(faker)},${coordinate(faker)})`).join(',');
const lowerWords = (faker: Faker) => [...new Set(faker.lorem.words({ min: 2, max: 5 }).toLowerCase().split(' '))];
const hex = (faker: Faker, octets: number) => Array.from({ length: octets }, () => faker.string.hexadecimal({ length: 2, casing: 'lower', prefix: '' })).join(':');

function bigInteger(facts: PropertyFacts): ValueGenerator {
  const runtime = facts.runtimeType?.toLowerCase();
  return ({ faker }) => {
    const value = faker.number.bigInt({ min: 0n, max: 1_000_000_000_000n });
    return runtime === 'bigint' ? value : runtime === 'number' ? Number(value) : String(value);
  };
}

/** Bytes of a binary column: exactly n for binary(n), at most n for varbinary(n), 16 otherwise. */
function binary(facts: PropertyFacts, column: ColumnType | undefined, exact: boolean): ScalarGenerator {
  const max = size(column, facts) ?? 16;
  const wanted = facts.type === 'uint8array' ? Uint8Array : Buffer;
  return { generate: ({ faker }) => wanted.from(bytes(faker, exact ? max : Math.min(max, 16))) };
}

type Entry = (facts: PropertyFacts, column: ColumnType | undefined) => ScalarGenerator;

/**
 * MikroORM's own types (`facts.type`): the value follows from the type alone, whatever the database.
 * The string and text types are generated in scalar-generators.ts.
 */
export const mappedTypeGenerators: Record<string, Entry> = {
  tinyint: () => integer(127),
  smallint: () => integer(32_767),
  mediumint: () => integer(8_388_607),
  integer: () => integer(2_147_483_647),
  number: () => integer(2_147_483_647),
  bigint: (facts) => ({ generate: bigInteger(facts) }),
  float: () => float,
  double: () => float,
  decimal: (facts, column) => ({ generate: decimalFor(column, facts) }),
  boolean: () => ({ generate: ({ faker }) => faker.datatype.boolean(), type: Boolean }),
  character: (facts, column) => characters(size(column, facts) ?? 1),
  datetime: () => ({ generate: ({ faker }) => dateTime(faker) }),
  date: (facts) => ({
    generate: ({ faker }) => {
      const day = dateTime(faker).toISOString().slice(0, 10);
      return facts.runtimeType === 'Date' ? new Date(`${day}T00:00:00.000Z`) : day;
    },
  }),
  time: () => ({ generate: ({ faker }) => clock(faker) }),
  interval: () => ({ generate: ({ faker }) => days(faker.number.int({ min: 1, max: 30 })) }),
  uuid: () => ({ generate: ({ faker }) => faker.string.uuid() }),
  json: (facts) =>
    facts.runtimeType === 'array'
      ? { generate: ({ faker }) => faker.lorem.words({ min: 1, max: 3 }).split(' ') }
      : { generate: ({ faker }) => ({ [faker.lorem.word()]: faker.lorem.words(2), count: faker.number.int(100) }) },
  array: () => ({ generate: ({ faker }) => faker.lorem.words({ min: 1, max: 3 }).split(' ') }),
  blob: (facts, column) => binary(facts, column, false),
  buffer: (facts, column) => binary(facts, column, false),
  uint8array: (facts, column) => binary(facts, column, false),
};
for (const name of ['datetimetz', 'timestamp', 'timestamptz']) mappedTypeGenerators[name] = mappedTypeGenerators['datetime']!;
for (const name of ['bytea', 'longblob', 'mediumblob', 'tinyblob', 'varbinary']) mappedTypeGenerators[name] = mappedTypeGenerators['blob']!;
const mappedAliases: Record<string, string> = {
  numeric: 'decimal',
  char: 'character',
  bool: 'boolean',
  jsonb: 'json',
  int8: 'bigint',
  int: 'integer',
  int4: 'integer',
  int2: 'smallint',
};
for (const [alias, name] of Object.entries(mappedAliases)) mappedTypeGenerators[alias] = mappedTypeGenerators[name]!;

/** Exactly `length` letters: a character(n) column pads anything shorter with spaces, which do not read back. */
function characters(length: number): ScalarGenerator {
  return { generate: ({ faker }) => faker.string.alpha(length), type: String, maxLength: length };
}

const of = (generate: ValueGenerator): Entry => () => ({ generate });

/**
 * Database column types (`columnType`, or the type MikroORM discovered) whose values the property's
 * MikroORM type does not tell: a string property declared as `inet`, a number declared as `year`.
 * Keys are base names as the databases spell them. The value is in the form the database prints, so
 * it reads back as written.
 */
export const columnTypeGenerators: Record<string, Entry> = {
  // PostgreSQL network address types
  inet: of(({ faker }) => faker.internet.ipv4()),
  cidr: of(({ faker }) => `${faker.internet.ipv4().split('.').slice(0, 3).join('.')}.0/24`),
  macaddr: of(({ faker }) => hex(faker, 6)),
  macaddr8: of(({ faker }) => hex(faker, 8)),
  // PostgreSQL geometric types, with integer coordinates (printed without rounding)
  point: of(({ faker }) => points(faker, 1)),
  line: of(({ faker }) => `{${faker.number.int({ min: 1, max: 50 })},${coordinate(faker)},${coordinate(faker)}}`),
  lseg: of(({ faker }) => `[${points(faker, 2)}]`),
  box: of(({ faker }) => {
    const [x1, x2] = [coordinate(faker), coordinate(faker)].sort((a, b) => b - a);
    const [y1, y2] = [coordinate(faker), coordinate(faker)].sort((a, b) => b - a);
    return `(${x1},${y1}),(${x2},${y2})`; // upper-right corner first, as PostgreSQL prints a box
  }),
  path: of(({ faker }) => `[${points(faker, 3)}]`),
  polygon: of(({ faker }) => `(${points(faker, 3)})`),
  circle: of(({ faker }) => `<${points(faker, 1)},${faker.number.int({ min: 1, max: 100 })}>`),
  // PostgreSQL money, as printed under lc_monetary C / en_US
  money: of(({ faker }) => `$${faker.number.int({ min: 0, max: 99_999 }).toLocaleString('en-US')}.${pad(faker.number.int(99))}`),
  bit: (facts, column) => ({ generate: ({ faker }) => faker.string.binary({ length: size(column, facts) ?? 1, prefix: '' }) }),
  'bit varying': (facts, column) => ({ generate: ({ faker }) => faker.string.binary({ length: faker.number.int({ min: 1, max: size(column, facts) ?? 16 }), prefix: '' }) }),
  varbit: (facts, column) => columnTypeGenerators['bit varying']!(facts, column),
  xml: of(({ faker }) => `<note>${faker.lorem.words(3)}</note>`),
  timetz: of(({ faker }) => `${clock(faker)}+00`),
  tsvector: of(({ faker }) => lowerWords(faker).join(' ')),
  // MariaDB / MySQL
  year: of(({ faker }) => faker.number.int({ min: 1901, max: 2155 })),
  enum: (_, column) => ({ generate: ({ faker }) => faker.helpers.arrayElement(column!.args.map(String)) }),
  set: (_, column) => {
    const members = column!.args.map(String);
    return {
      generate: ({ faker }) => {
        const chosen = faker.helpers.arrayElements(members, { min: 1, max: members.length });
        return members.filter((m) => chosen.includes(m)).join(',');
      },
    };
  },
  binary: (facts, column) => binary(facts, column, true),
  varbinary: (facts, column) => binary(facts, column, false),
  tinyblob: (facts, column) => binary(facts, column, false),
  // Sized or precise types that a string or number property may declare
  character: (facts, column) => characters(size(column, facts) ?? 1),
  numeric: (facts, column) => ({ generate: decimalFor(column, facts) }),
  real: () => float,
  'double precision': () => float,
  float4: () => float,
  float8: () => float,
  int: () => integer(2_147_483_647),
  int4: () => integer(2_147_483_647),
  int2: () => integer(32_767),
};
for (const name of ['char', 'bpchar', 'nchar']) columnTypeGenerators[name] = columnTypeGenerators['character']!;
columnTypeGenerators['decimal'] = columnTypeGenerators['numeric']!;

/** MikroORM types a declared column type refines: for these, `columnType` decides the value. */
const refinable = new Set(['string', 'number', 'unknown', 'any', 'character', 'decimal', 'double', 'float', 'blob', 'buffer', 'array']);


/**
 * The generator the column type decides, if it does: an array column ('int[]') gets an array of its
 * element type's values; a refinable MikroORM type gets the column type's value.
 */
export function columnTypeGenerator(facts: PropertyFacts, column: ColumnType | undefined): ScalarGenerator | undefined {
  if (!column) return undefined;
  if (column.array) {
    const entry = columnTypeGenerators[column.name] ?? mappedTypeGenerators[column.name];
    // text[] and other element types no table covers: the words of an ArrayType, as on every other database.
    if (!entry) return mappedTypeGenerators['array']!(facts, column);
    // Only PostgreSQL has array columns; its driver reads numeric[] elements as numbers.
    const item = entry({ ...facts, runtimeType: 'number', length: undefined }, column).generate;
    return { generate: (ctx) => Array.from({ length: ctx.faker.number.int({ min: 1, max: 4 }) }, () => item(ctx)) };
  }
  if (!refinable.has(facts.type)) return undefined;
  return columnTypeGenerators[column.name]?.(facts, column);
}

/** MikroORM Types shipped by a driver, by class name and column type: what their JS value is. */
const driverTypeGenerators: Record<string, { columnType: string; generator: ScalarGenerator }> = {
  // @mikro-orm/postgresql's FullTextType: a text that the database turns into a tsvector (to_tsvector).
  FullTextType: { columnType: 'tsvector', generator: { generate: ({ faker }) => lowerWords(faker).join(' ') } },
};

/** The generator of a driver's own Type (not a user's custom Type), if the property has one. */
export function driverTypeGenerator(facts: PropertyFacts): ScalarGenerator | undefined {
  const known = facts.customType ? driverTypeGenerators[facts.customType] : undefined;
  return known && parseColumnType(facts.columnType)?.name === known.columnType ? known.generator : undefined;
}
