import type { SaveFailure } from '../persistence/save-failure.js';
import type { EntityManagerLike } from './orm-types.js';
import { fieldNameOf } from './property-facts.js';
import { rowMetaOf } from './plain-row-class.js';

/*
 * Reads a failed flush's driver error the way SQLite, PostgreSQL and MariaDB word it, and finds the
 * entity property behind the column, and the offending value among the entities of the call.
 */

/** What the driver says, before it is tied to a property. */
interface Reported {
  kind: SaveFailure['kind'];
  constraint?: string;
  table?: string;
  column?: string;
  value?: string;
  /** For "too long": the column's length, when the message gives it (PostgreSQL's "character varying(5)"). */
  length?: number;
  /** For "out of range": the integer type the message names (PostgreSQL's "smallint out of range"). */
  integerType?: string;
  /** The entity and property, when MikroORM refused the value itself before any SQL ran. */
  entity?: string;
  property?: string;
}

/** The fields MikroORM copies onto its DriverException from pg's error. */
interface DriverFields {
  message?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

/*
 * The tables below are built per failed save (a rare event), not at module level: Stryker can only
 * switch on a mutant of code that runs during a test (README, "Working on fixtory").
 */

/** PostgreSQL's SQLSTATE codes of the constraints fixtory reports. */
function postgresKind(code: string): SaveFailure['kind'] | undefined {
  const kinds: Record<string, SaveFailure['kind']> = {
    '23505': 'unique',
    '23502': 'not null',
    '23503': 'foreign key',
    '23514': 'check',
    '22001': 'too long',
    '22003': 'out of range',
  };
  return kinds[code];
}

/** Message patterns, each to the facts it reveals (SQLite and MariaDB say everything in the message). */
function patterns(): [RegExp, (match: RegExpExecArray) => Reported][] {
  return [
    [/Value for ([\w$]+)\.([\w$]+) is required, '(?:null|undefined)' found/, (m) => ({ kind: 'not null', entity: m[1], property: m[2] })],
    [/UNIQUE constraint failed: ([\w$]+)\.([\w$]+)/, (m) => ({ kind: 'unique', table: m[1], column: m[2] })],
    [/NOT NULL constraint failed: ([\w$]+)\.([\w$]+)/, (m) => ({ kind: 'not null', table: m[1], column: m[2] })],
    [/FOREIGN KEY constraint failed/, () => ({ kind: 'foreign key' })],
    [/CHECK constraint failed: ([\w$]+)/, (m) => ({ kind: 'check', constraint: m[1] })],
    [/Duplicate entry '((?:[^']|'')*)' for key '([\w$.]+)'/, (m) => ({ kind: 'unique', value: m[1], constraint: m[2]!.replace(/^.*\./, '') })],
    [/Column '([\w$]+)' cannot be null/, (m) => ({ kind: 'not null', column: m[1] })],
    [/Data too long for column '([\w$]+)'/, (m) => ({ kind: 'too long', column: m[1] })],
    [/Out of range value for column '([\w$]+)'/, (m) => ({ kind: 'out of range', column: m[1] })],
    [/a foreign key constraint fails \(`[^`]*`\.`([\w$]+)`, CONSTRAINT `([\w$]+)` FOREIGN KEY \(`([\w$]+)`\)/, (m) => ({ kind: 'foreign key', table: m[1], constraint: m[2], column: m[3] })],
    [/CONSTRAINT `([\w$]+)` failed/, (m) => ({ kind: 'check', constraint: m[1] })],
  ];
}

/** The pattern's match in a field the driver may have left out. */
function matchIn(pattern: RegExp, text: string | undefined): RegExpExecArray | null {
  // Stryker disable next-line ConditionalExpression: exec reads a missing text as 'undefined', which no pattern here matches
  return text === undefined ? null : pattern.exec(text);
}

function fromPostgres(error: DriverFields): Reported | undefined {
  const kind = error.code ? postgresKind(error.code) : undefined;
  if (!kind) return undefined;
  const reported: Reported = { kind, constraint: error.constraint, table: error.table, column: error.column };
  // A single-column key: "Key (email)=(a@b.c) already exists." (unique), "... is not present in table" (foreign key).
  const key = matchIn(/^Key \(([^)]+)\)=\((.*)\) (?:already exists|is not present in table)/, error.detail);
  if (key && !key[1]!.includes(',')) Object.assign(reported, { column: key[1], value: key[2] });
  const length = matchIn(/character varying\((\d+)\)|character\((\d+)\)/, error.message);
  if (length) reported.length = Number(length[1] ?? length[2]);
  // "smallint out of range" (a literal cast), 'value "9223372036854775808" is out of range for type bigint' (a parameter).
  const range = matchIn(/\b(smallint|integer|bigint) out of range|is out of range for type (smallint|integer|bigint)\b/, error.message);
  if (range) reported.integerType = range[1] ?? range[2];
  return reported;
}

function reportedBy(error: unknown): Reported | undefined {
  const fields = (error ?? {}) as DriverFields;
  const postgres = fromPostgres(fields);
  if (postgres) return postgres;
  if (typeof fields.message !== 'string') return undefined;
  for (const [pattern, read] of patterns()) {
    const match = pattern.exec(fields.message);
    if (match) return read(match);
  }
  return undefined;
}

interface PropertyMeta {
  name: string;
  accessor?: string | boolean;
  fieldNames?: string[];
  length?: number;
  kind?: string;
  columnTypes?: string[];
}

interface EntityMeta {
  className: string;
  tableName?: string;
  collection?: string;
  props: PropertyMeta[];
}

function metadataOf(em: EntityManagerLike, entity: object): EntityMeta | undefined {
  const row = rowMetaOf(entity);
  if (row) return row as unknown as EntityMeta;
  return (em.getMetadata() as { find(cls: Function): EntityMeta | undefined }).find(entity.constructor);
}

/** The text a value is reported as: strings as they are, everything else as JSON would put it. */
function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const pk = (value as { id?: unknown }).id;
    // Stryker disable next-line StringLiteral: an object without an id matches no reported value, whatever text stands for it
    return pk === undefined ? '' : String(pk);
  }
  return String(value);
}

/**
 * The property a constraint's name mentions by its column, as MikroORM names constraints
 * (`sailor_crew_id_foreign`): after the table's prefix, the longest column named, so `crew_id`
 * wins over `id`.
 */
function propertyNamedBy(constraint: string, table: string | undefined, props: PropertyMeta[]): PropertyMeta | undefined {
  const rest = table !== undefined && constraint.startsWith(`${table}_`) ? constraint.slice(table.length) : constraint;
  let named: PropertyMeta | undefined;
  for (const prop of props) {
    const column = prop.fieldNames?.[0];
    if (column !== undefined && rest.includes(`_${column}_`) && column.length > (named?.fieldNames![0]!.length ?? 0)) named = prop;
  }
  return named;
}

/** The column types and largest value of an integer type PostgreSQL names when a value is out of its range. */
function integerColumn(type: string): { columnTypes: string[]; max: bigint } | undefined {
  const columns: Record<string, { columnTypes: string[]; max: bigint }> = {
    smallint: { columnTypes: ['smallint', 'int2'], max: 32_767n },
    integer: { columnTypes: ['int', 'integer', 'int4'], max: 2_147_483_647n },
    bigint: { columnTypes: ['bigint', 'int8'], max: 9_223_372_036_854_775_807n },
  };
  return columns[type];
}

/**
 * When PostgreSQL names no column ("value too long for type character varying(5)", "smallint out of
 * range"): whether this property's column has that type and its value does not fit it.
 */
function refusedByItsColumn(reported: Reported, prop: PropertyMeta, value: unknown): boolean {
  const columnType = prop.columnTypes?.[0]?.toLowerCase();
  if (reported.kind === 'too long' && reported.length !== undefined) {
    const sized = prop.length === reported.length || columnType?.endsWith(`(${reported.length})`) === true;
    return sized && typeof value === 'string' && value.length > reported.length;
  }
  const integer = reported.integerType !== undefined ? integerColumn(reported.integerType) : undefined;
  if (reported.kind === 'out of range' && integer && columnType !== undefined && integer.columnTypes.includes(columnType.replace(/\(.*$/, ''))) {
    const n = typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : typeof value === 'bigint' ? value : undefined;
    return n !== undefined && (n > integer.max || n < -integer.max - 1n);
  }
  return false;
}

/**
 * What a failed flush of `entities` (a create call's, nested ones included) says about the
 * property and value that caused it, or undefined when the error is not a constraint the
 * database named.
 */
export function readConstraintFailure(em: EntityManagerLike, error: unknown, entities: Iterable<object>): SaveFailure | undefined {
  const reported = reportedBy(error);
  if (!reported) return undefined;
  const failure: SaveFailure = { kind: reported.kind, constraint: reported.constraint, table: reported.table, column: reported.column, hasValue: false };
  const candidates: { entity: object; meta: EntityMeta; prop: PropertyMeta }[] = [];
  // Once each: the call's graph and its top-level entities overlap, and an entity counted twice would
  // look like two rows sharing its unique value.
  for (const entity of new Set(entities)) {
    const meta = metadataOf(em, entity);
    if (!meta) continue;
    const table = meta.tableName ?? meta.collection;
    if (reported.table && table !== reported.table) continue;
    if (reported.entity && meta.className !== reported.entity) continue;
    const prop = reported.property
      ? meta.props.find((p) => p.name === reported.property)
      : reported.column
        ? meta.props.find((p) => p.fieldNames?.includes(reported.column!))
        : reported.constraint
          ? propertyNamedBy(reported.constraint, table, meta.props)
          : meta.props.find((p) => refusedByItsColumn(reported, p, (entity as Record<string, unknown>)[p.name]));
    if (prop) candidates.push({ entity, meta, prop });
  }
  const valueOf = ({ entity, prop }: (typeof candidates)[number]) => (entity as Record<string, unknown>)[prop.name];
  const seen = new Map<string, number>();
  for (const candidate of candidates) seen.set(asText(valueOf(candidate)), (seen.get(asText(valueOf(candidate))) ?? 0) + 1);
  const matches = candidates.filter((candidate) => {
    const value = valueOf(candidate);
    if (reported.value !== undefined) return asText(value) === reported.value;
    if (reported.kind === 'unique') return seen.get(asText(value))! > 1; // two of the call's own rows collide
    if (reported.kind === 'not null') return value === null || value === undefined;
    if (reported.kind === 'too long') return typeof value === 'string' && value.length > (reported.length ?? candidate.prop.length ?? Infinity);
    return refusedByItsColumn(reported, candidate.prop, value);
  });
  // The only row of the call with that column broke it (unless the database reported another value: a
  // key over several columns); otherwise the field is known (every candidate has it) but not the row.
  const certain = candidates.length === 1 && reported.value === undefined;
  const offending = matches[0] ?? (certain ? candidates[0] : candidates.length > 0 ? { ...candidates[0]!, unknownValue: true } : undefined);
  if (offending) {
    failure.model = offending.meta.className;
    failure.field = fieldNameOf(offending.prop as Parameters<typeof fieldNameOf>[0]);
    failure.column ??= offending.prop.fieldNames?.[0];
    failure.table ??= offending.meta.tableName ?? offending.meta.collection;
    const scalar = offending.prop.kind === 'scalar' || offending.prop.kind === undefined;
    if (!('unknownValue' in offending)) failure.instance = offending.entity;
    if (scalar && !('unknownValue' in offending)) Object.assign(failure, { hasValue: true, value: valueOf(offending) });
  } else if (reported.value !== undefined) {
    Object.assign(failure, { hasValue: true, value: reported.value });
  }
  return failure;
}
