import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { mikroOrmCore } from './mikro-orm-core.js';
import { transactionConnection } from './orm-major.js';

/**
 * The bulk path's own `nativeInsertMany`: the same `INSERT ... VALUES ... RETURNING` statement
 * MikroORM's SQL driver builds from the same change-set payloads, run on the connection of the
 * EntityManager's transaction without going through knex. Strings are bound as parameters; every
 * other value is written as the literal MikroORM itself would write (`platform.quoteValue`), so the
 * database receives the same values: MikroORM 6 sends every value as a literal, and a string's
 * literal (quotes doubled, backslashes escaped on PostgreSQL) denotes exactly the string. Anything
 * this does not cover is handed to MikroORM's own `nativeInsertMany` (see `directShape`).
 */

/**
 * Whether the bulk path writes directly (specs compare it with MikroORM's own insert by turning it
 * off), and how many statements it wrote so (specs check that the direct path was taken).
 */
export const directInserts: { enabled: boolean; statements: number } = { enabled: true, statements: 0 };

/** The statement a driver method runs, as MikroORM's driver would: `?` for every value, and the values. */
interface Statement {
  sql: string;
  params: unknown[];
}

/** MikroORM's result of a write (`transformRawResult(res, 'run')`). */
interface WriteResult {
  insertId: unknown;
  affectedRows: number;
  row?: Record<string, unknown>;
  rows?: Record<string, unknown>[];
}

type NativeInsertMany = (entityName: string, data: Record<string, unknown>[], options?: InsertOptions, transform?: unknown) => Promise<WriteResult>;

interface InsertOptions {
  ctx?: unknown;
  schema?: string;
  convertCustomTypes?: boolean;
  processCollections?: boolean;
  loggerContext?: Record<string, unknown>;
}

/** The parts of MikroORM's SQL driver, connection and platform this reads (MikroORM 6). */
interface SqlDriver {
  nativeInsertMany: NativeInsertMany;
  metadata: { find(name: string): EntityMetadata | undefined };
  getPlatform(): SqlPlatform;
  getConnection(type?: string): SqlConnection;
  getTableName(meta: EntityMetadata, options: InsertOptions): string;
  convertException(error: unknown): Error;
}

export interface SqlPlatform {
  quoteIdentifier(id: string): string;
  quoteValue(value: unknown): string;
  formatQuery(sql: string, params: unknown[]): string;
  usesReturningStatement(): boolean;
  usesOutputStatement(): boolean;
  usesDefaultKeyword(): boolean;
}

interface SqlConnection {
  config: {
    get(key: 'onQuery'): (sql: string, params: unknown[]) => string;
    getLogger(): { isEnabled(namespace: string, context?: unknown): boolean };
  };
  executeQuery<R>(query: string, cb: () => Promise<R>, context?: Record<string, unknown>): Promise<R>;
  getSql(query: string, formatted: string, context?: Record<string, unknown>): string;
  transformRawResult(res: unknown, method: 'run'): WriteResult;
}

/** How a raw connection runs SQL with bound strings: `?` placeholders (sqlite3) or `$n` (pg). */
export interface RawRunner {
  /** The most parameters one statement may bind (SQLite 3.32+: 32,766; PostgreSQL: 65,535). */
  maxParams: number;
  placeholder(index: number): string;
  run(sql: string, params: string[]): Promise<unknown>;
}

interface Sqlite3Database {
  all(sql: string, params: unknown[], cb: (error: Error | null, rows: unknown[]) => void): void;
}

interface PgClient {
  query(sql: string, params: unknown[]): Promise<unknown>;
  escapeLiteral(value: string): string;
}

/** The runner of a driver connection this writes on (exported for its spec). */
export function rawRunner(connection: unknown): RawRunner | undefined {
  const pg = connection as PgClient | null;
  if (typeof pg?.query === 'function' && typeof pg.escapeLiteral === 'function') {
    return { maxParams: 65_535, placeholder: (index) => `$${index}`, run: (sql, params) => pg.query(sql, params) };
  }
  const sqlite = connection as Sqlite3Database | null;
  if (typeof sqlite?.all === 'function' && connection?.constructor?.name === 'Database') {
    return {
      maxParams: 32_766,
      placeholder: () => '?',
      run: (sql, params) => new Promise((resolve, reject) => sqlite.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows)))),
    };
  }
  return undefined;
}

/** The columns of one payload property, or undefined when MikroORM's builder does more than `?` for it. */
function simpleColumn(prop: EntityProperty | undefined): string | undefined {
  // (Single-table inheritance, with its per-class columns, is left to MikroORM before this.)
  if (!prop || prop.fieldNames?.length !== 1) return undefined;
  if (prop.kind === 'embedded' && prop.object) return undefined;
  const customType = prop.customType as { convertToDatabaseValueSQL?: unknown } | undefined;
  if (customType && 'convertToDatabaseValueSQL' in customType) return undefined;
  return prop.fieldNames[0];
}

/** What one INSERT of a table and key set looks like, computed once per metadata and key list. */
export interface Shape {
  props: EntityProperty[];
  keys: string[];
  /** `insert into t (a, b) values ` */
  head: string;
  /** ` returning ...`, or '' */
  tail: string;
  /** Keys MikroORM would still return if their value were raw SQL (`RETURNING` then differs): such rows are left to it. */
  returnable: string[];
}

const shapes = new WeakMap<EntityMetadata, Map<string, Shape | null>>();

/**
 * The statement's shape for these rows, or undefined when the rows are not all of one key list (a
 * row without a key is written `default`/NULL by MikroORM: left to it) or a property needs more
 * than a plain value.
 */
function directShape(driver: SqlDriver, meta: EntityMetadata, data: Record<string, unknown>[], options: InsertOptions): Shape | undefined {
  const keys = Object.keys(data[0]!);
  for (const row of data) {
    const own = Object.keys(row);
    if (own.length !== keys.length || own.some((key, i) => key !== keys[i])) return undefined;
  }
  const cacheKey = `${options.schema ?? ''}\u0000${keys.join('\u0000')}`;
  let byKeys = shapes.get(meta);
  if (!byKeys) shapes.set(meta, (byKeys = new Map()));
  const known = byKeys.get(cacheKey);
  if (known !== undefined) return known ?? undefined;
  const shape = buildShape(driver, meta, keys, options);
  byKeys.set(cacheKey, shape ?? null);
  return shape;
}

function buildShape(driver: SqlDriver, meta: EntityMetadata, keys: string[], options: InsertOptions): Shape | undefined {
  const platform = driver.getPlatform();
  if (keys.length === 0 || meta.primaryKeys.length !== 1 || platform.usesOutputStatement() || !platform.usesReturningStatement()) return undefined;
  const props: EntityProperty[] = [];
  const fields: string[] = [];
  for (const key of keys) {
    const prop = meta.properties[key as never] as EntityProperty | undefined;
    const field = simpleColumn(prop);
    if (!field || fields.includes(field)) return undefined;
    props.push(prop!);
    fields.push(field);
  }
  const head = `insert into ${driver.getTableName(meta, options)} (${fields.map((field) => platform.quoteIdentifier(field)).join(', ')}) values `;
  const candidates = meta.props.filter((prop) => (prop.persist !== false && prop.defaultRaw) || prop.autoincrement || prop.generated);
  const returning = candidates.filter((prop) => !keys.includes(prop.name)).flatMap((prop) => prop.fieldNames);
  const tail = returning.length > 0 ? ` returning ${returning.map((field) => platform.quoteIdentifier(field)).join(', ')}` : '';
  const returnable = candidates.filter((prop) => keys.includes(prop.name)).map((prop) => prop.name);
  return { props, keys, head, tail, returnable };
}

/** The value MikroORM's builder binds for a property of a row (`addParams`, custom types already converted in the payload). */
function valueOf(prop: EntityProperty, row: Record<string, unknown>): unknown {
  const value = row[prop.name];
  if (prop.nullable && value === null) return null;
  return value ?? prop.default;
}

/**
 * Both forms of one chunk's statement: MikroORM's (`?` for every value, for its logger, its
 * `onQuery` hook and an error's message) and the one run (strings bound, other values as literals).
 */
export function statements(platform: SqlPlatform, runner: RawRunner, shape: Shape, data: Record<string, unknown>[]): { mikro: Statement; run: { sql: string; params: string[] } } {
  const params: unknown[] = [];
  const bound: string[] = [];
  const rows: string[] = [];
  const mikroRows: string[] = [];
  const rowMarks = `(${shape.props.map(() => '?').join(', ')})`;
  const useDefault = platform.usesDefaultKeyword();
  for (const row of data) {
    let text = '(';
    for (let i = 0; i < shape.props.length; i++) {
      const value = valueOf(shape.props[i]!, row);
      if (i > 0) text += ', ';
      params.push(value === undefined && useDefault ? mikroOrmCore()!.raw('default') : value);
      if (typeof value === 'string' && !value.includes('\u0000')) {
        bound.push(value);
        text += runner.placeholder(bound.length);
      } else {
        text += value === undefined && useDefault ? 'default' : platform.quoteValue(value);
      }
    }
    rows.push(`${text})`);
    mikroRows.push(rowMarks);
  }
  return {
    mikro: { sql: shape.head + mikroRows.join(', ') + shape.tail, params },
    run: { sql: shape.head + rows.join(', ') + shape.tail, params: bound },
  };
}

const fastDrivers = new WeakMap<object, SqlDriver>();

/**
 * A view of MikroORM's SQL driver whose `nativeInsertMany` writes directly where it can (see the
 * module's comment) and calls MikroORM's own otherwise; everything else is the driver's.
 */
export function directInsertDriver<D extends object>(driver: D): D {
  const sqlDriver = driver as unknown as SqlDriver;
  let fast = fastDrivers.get(driver);
  if (!fast) {
    const original = sqlDriver.nativeInsertMany;
    fast = Object.create(driver, {
      nativeInsertMany: {
        value: async function (this: SqlDriver, entityName: string, data: Record<string, unknown>[], options: InsertOptions = {}, transform?: unknown) {
          const written = transform === undefined ? await insertDirect(sqlDriver, entityName, data, options) : undefined;
          return written ?? original.call(this, entityName, data, options, transform);
        },
      },
    }) as SqlDriver;
    fastDrivers.set(driver, fast);
  }
  return fast as unknown as D;
}

async function insertDirect(driver: SqlDriver, entityName: string, data: Record<string, unknown>[], options: InsertOptions): Promise<WriteResult | undefined> {
  // Only what the change-set persister asks for: values already converted, no collections to write.
  if (!directInserts.enabled || data.length === 0 || options.convertCustomTypes !== false || options.processCollections !== false) return undefined;
  const meta = driver.metadata.find(entityName)?.root;
  const connection = options.ctx ? await transactionConnection(options.ctx) : undefined;
  const runner = connection === undefined ? undefined : rawRunner(connection);
  if (!meta || meta.discriminatorColumn || !runner) return undefined;
  const shape = directShape(driver, meta, data, options);
  const isRawSql = (mikroOrmCore()!.Utils as unknown as { isRawSql?: (value: unknown) => boolean }).isRawSql;
  if (!shape || !isRawSql || shape.returnable.some((key) => isRawSql(data[0]![key]))) return undefined;
  const platform = driver.getPlatform();
  const { mikro, run } = statements(platform, runner, shape, data);
  if (run.params.length > runner.maxParams) return undefined;
  const sqlConnection = driver.getConnection('write');
  // An onQuery hook that changes the statement is MikroORM's to apply: left to MikroORM.
  if (sqlConnection.config.get('onQuery')(mikro.sql, mikro.params) !== mikro.sql) return undefined;
  // The query logger sees what MikroORM's execute would log (formatting the values only when it logs).
  const logged = sqlConnection.config.getLogger().isEnabled('query', options.loggerContext)
    ? sqlConnection.getSql(mikro.sql, platform.formatQuery(mikro.sql, mikro.params), options.loggerContext)
    : mikro.sql;
  directInserts.statements++;
  const execute = async () => {
    let result: WriteResult;
    try {
      result = sqlConnection.transformRawResult(await runner.run(run.sql, run.params), 'run');
    } catch (error) {
      // As knex reports a failed query on MikroORM's path: the statement, then the driver's message.
      if (error instanceof Error) error.message = `${platform.formatQuery(mikro.sql, mikro.params)} - ${error.message}`;
      throw error;
    }
    // Keys are read back row by row, in the order of the VALUES (as MikroORM reads them): a count that differs is refused, loudly.
    if (shape.tail && result.rows?.length !== data.length) {
      throw new Error(`fixtory's bulk INSERT into ${meta.tableName} returned ${result.rows?.length ?? 0} rows for ${data.length}: no key is back-filled`);
    }
    return result;
  };
  // As MikroORM's driver.execute: a driver error becomes MikroORM's exception (UniqueConstraintViolationException, ...).
  return rethrown(driver, sqlConnection.executeQuery(logged, execute, { query: mikro.sql, params: mikro.params, ...options.loggerContext }));
}

async function rethrown<R>(driver: SqlDriver, result: Promise<R>): Promise<R> {
  try {
    return await result;
  } catch (error) {
    throw driver.convertException(error);
  }
}
