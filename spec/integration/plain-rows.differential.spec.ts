import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, MikroOrmBulkPersistence, registry, useMikroOrm } from 'fixtory';
import type { EntityMetadata } from '@mikro-orm/core';
import { bulkEntities } from './support/bulk-entities.js';
import { columnModels } from './support/column-models.js';
import { currentDatabase } from './support/databases.js';
import { allEntities } from './support/entities.js';
import { entityKinds } from './support/entity-kinds.js';
import { clearSchema } from '../../samples/mikro-orm-major.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// A differential review of seedRows' plain rows: for every entity class of the integration models
// (every scalar and column type of the database, embeddables, custom types, inheritance, relations
// of each kind), seeding with plain rows writes exactly the rows that seeding with entities writes
// from the same seed, or is refused before anything is written. Columns whose values differ between
// two runs of the entity path (initialisers such as randomUUID() or the current time) are left out.

const database = currentDatabase();
const count = 6;

type Dump = Record<string, Record<string, unknown>[]>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  return value;
}

interface Outcome {
  compared: string[];
  refused: Record<string, string>;
  /** Classes the entity path itself cannot seed (refused or failing there): nothing to compare. */
  skipped: string[];
}

function describeModelSet(name: string, entities: () => unknown[], setup: () => string[] = () => []): void {
  describe(`seedRows with plain: true writes the rows entities write (${name}, ${database})`, function () {
    this.timeout(300_000);
    let db: TestDatabase;
    let metas: EntityMetadata[];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- factories made per class at run time
    const factories = new Map<Function, any>();
    const outcome: Outcome = { compared: [], refused: {}, skipped: [] };

    before(async () => {
      db = await openTestDatabase({ entities: entities(), setup: setup() });
      useMikroOrm(db.orm);
      const all = db.orm.getMetadata().getAll() as unknown as Map<unknown, EntityMetadata> | Record<string, EntityMetadata>;
      metas = all instanceof Map ? [...all.values()] : Object.values(all); // MikroORM 7 keeps a Map
      for (const meta of metas) {
        if (!meta.tableName || meta.embeddable) continue;
        const columns = stableColumns.get(meta.tableName) ?? stableColumns.set(meta.tableName, new Set()).get(meta.tableName)!;
        for (const prop of meta.props) {
          if (prop.autoincrement || prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner)) for (const field of prop.fieldNames ?? []) columns.add(field);
        }
      }
      for (const meta of metas) {
        if (meta.embeddable || meta.virtual || meta.abstract || meta.readonly || !meta.class) continue;
        const factory = class extends BaseFactory<object> {};
        Object.defineProperty(factory, 'name', { value: `${meta.className}PlainFactory` });
        Factory(meta.class as never)(factory as never);
        factories.set(meta.class, factory);
      }
    });
    after(async () => {
      for (const factory of factories.values()) registry.unregister(factory);
      await db?.close();
    });

    /** Autoincrement keys and foreign keys: the same on every run, so a wrong parent is seen. */
    const stableColumns = new Map<string, Set<string>>();

    async function dump(): Promise<Dump> {
      const tables = new Map<string, string[]>();
      for (const meta of metas) {
        if (meta.embeddable || meta.virtual || !meta.tableName || meta.root !== meta) continue;
        tables.set(meta.tableName, meta.primaryKeys.flatMap((pk) => meta.properties[pk]!.fieldNames));
      }
      const out: Dump = {};
      for (const [table, keys] of tables) {
        const rows = await db.sql(`select * from ${db.quote(table)} order by ${keys.map((k) => db.quote(k)).join(', ')}`);
        out[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, normalise(v)])));
      }
      return out;
    }

    async function seed(cls: Function, plain: boolean): Promise<Dump> {
      await clearSchema(db.orm);
      // Keys count from 1 again on every run (PostgreSQL's and MariaDB's truncate restart them), so keys and foreign keys are compared too.
      if (database === 'sqlite') await db.sql('delete from sqlite_sequence');
      for (const factory of factories.values()) {
        factory.seed(20261129);
        factory.resetSequence();
      }
      const factory = factories.get(cls)!;
      factory.setPersistence(new MikroOrmBulkPersistence(db.orm));
      await factory.seedRows(count, { plain });
      return dump();
    }

    /** The differences between two dumps, leaving out the columns listed per table. */
    function differences(a: Dump, b: Dump, volatile: Map<string, Set<string>>): string[] {
      const found: string[] = [];
      for (const table of Object.keys(a)) {
        const left = a[table]!;
        const right = b[table]!;
        if (left.length !== right.length) found.push(`${table}: ${left.length} rows against ${right.length}`);
        left.forEach((row, index) => {
          for (const [column, value] of Object.entries(row)) {
            if (volatile.get(table)?.has(column)) continue;
            const other = right[index]?.[column];
            if (JSON.stringify(value) !== JSON.stringify(other)) found.push(`${table}[${index}].${column}: ${JSON.stringify(value)} against ${JSON.stringify(other)}`);
          }
        });
      }
      return found;
    }

    it('every class either writes the same rows or is refused before writing', async () => {
      for (const [cls] of factories) {
        let first: Dump;
        let second: Dump;
        try {
          first = await seed(cls, false);
          second = await seed(cls, false);
        } catch {
          // What the entity path cannot write, plain rows must not write either (nothing stays).
          const plainFailure = await seed(cls, true).then(() => undefined, (error: unknown) => error);
          expect(plainFailure, `${cls.name}: plain rows wrote what entities could not`).to.be.instanceOf(Error);
          const after = await dump();
          expect(Object.values(after).every((rows) => rows.length === 0), `${cls.name} left rows behind`).to.equal(true);
          outcome.skipped.push(cls.name);
          continue;
        }
        const volatile = new Map<string, Set<string>>();
        for (const table of Object.keys(first)) {
          first[table]!.forEach((row, index) => {
            for (const [column, value] of Object.entries(row)) {
              if (JSON.stringify(value) !== JSON.stringify(second[table]?.[index]?.[column])) (volatile.get(table) ?? volatile.set(table, new Set()).get(table)!).add(column);
            }
          });
        }
        for (const [table, columns] of volatile) {
          const keys = [...columns].filter((column) => stableColumns.get(table)?.has(column));
          expect(keys, `${cls.name}: keys that differ between two runs of the same seed`).to.deep.equal([]);
        }
        let plain: Dump;
        try {
          plain = await seed(cls, true);
        } catch (error) {
          expect(error, `${cls.name}: ${(error as Error).message}`).to.be.instanceOf(ConfigurationException);
          expect((error as Error).message).to.match(/plain row|plain: true/);
          // Refused before anything was written.
          const after = await dump();
          expect(Object.values(after).every((rows) => rows.length === 0), `${cls.name} left rows behind`).to.equal(true);
          outcome.refused[cls.name] = (error as Error).message;
          continue;
        }
        const found = differences(first, plain, volatile);
        expect(found, `${cls.name}: plain rows differ from entity rows`).to.deep.equal([]);
        // Row counts as well: a class whose rows all landed in no table would compare equal.
        expect(Object.values(plain).reduce((n, rows) => n + rows.length, 0), cls.name).to.be.greaterThanOrEqual(count);
        outcome.compared.push(cls.name);
      }
      expect(outcome.compared.length, `compared: ${outcome.compared.join(', ')}; refused: ${Object.keys(outcome.refused).join(', ')}; skipped: ${outcome.skipped.join(', ')}`).to.be.greaterThan(0);
      console.log(`      plain rows, ${name}: ${outcome.compared.length} classes identical, refused ${JSON.stringify(Object.keys(outcome.refused))}, skipped ${JSON.stringify(outcome.skipped)}`);
    });
  });
}

describeModelSet('integration model', () => allEntities);
describeModelSet('entity kinds', () => entityKinds);
describeModelSet('bulk model', () => bulkEntities);
describeModelSet('column types', () => columnModels[database].entities, () => columnModels[database].setup);
