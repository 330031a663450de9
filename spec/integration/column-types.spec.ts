import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, registry } from 'fixtory';
import { ColumnOwner, columnModels } from './support/column-models.js';
import { currentDatabase } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';
import { charLength, columnsOf, type ColumnFacts } from './support/schema-facts.js';

const database = currentDatabase();
const model = columnModels[database];

/** Values as the driver reads them back, for the few column types whose driver changes their shape. */
function comparable(value: unknown): unknown {
  if (value instanceof Uint8Array) return [...value];
  if (value instanceof Date) return value.getTime();
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

/**
 * Columns read back through SQL as text, not through the driver: pg parses point and circle into
 * objects and interval into a PostgresInterval; the mariadb connector reads a set as an array.
 */
const readAsText: Record<string, (column: string) => string> = {
  point: (c) => `${c}::text`,
  circle: (c) => `${c}::text`,
  interval: (c) => `${c}::text`,
  set: (c) => `cast(${c} as char)`,
};

/** Columns whose stored value is derived from the written one: a tsvector holds the lexemes of the text. */
const derived: Record<string, (column: string) => string> = {
  tsvector: (c) => `${c}::text = to_tsvector('simple', ?)::text`,
};

function baseType(column: ColumnFacts): string {
  return column.type.replace(/\(.*$/, '').replace(/\s+unsigned$/, '').trim();
}

function sizes(column: ColumnFacts): number[] {
  return (/\(([\d,\s]+)\)/.exec(column.type)?.[1] ?? '').split(',').filter(Boolean).map(Number);
}

describe(`MikroORM: every column type on ${database}, from factories with no field declarations`, function () {
  this.timeout(60_000);
  let db: TestDatabase;
  before(async () => {
    db = await openTestDatabase({ entities: model.entities, setup: model.setup });
  });
  after(() => db.close());

  for (const entity of model.entities.filter((e) => e !== ColumnOwner)) {
    describe(entity.name, () => {
      let created: Record<string, unknown>[];
      let table: string;
      let columns: ColumnFacts[];
      const factories: (typeof BaseFactory<object>)[] = [];

      before(async () => {
        const RowFactory = { [`${entity.name}Factory`]: class extends BaseFactory<object> {} }[`${entity.name}Factory`]!;
        Factory(entity)(RowFactory);
        RowFactory.setPersistence(new MikroOrmPersistence(db.orm));
        factories.push(RowFactory);
        created = (await RowFactory.createBatchAsync(20)) as Record<string, unknown>[];
        table = db.orm.getMetadata().get(entity.name).tableName;
        columns = await columnsOf(db, table);
      });
      after(() => factories.forEach((f) => registry.unregister(f)));

      it('writes 20 rows, and every value reads back equal', async () => {
        const meta = db.orm.getMetadata().get(entity.name);
        const fork = db.orm.em.fork();
        for (const row of created) {
          const stored = (await fork.findOneOrFail(entity.name, row['id'] as never)) as Record<string, unknown>;
          for (const prop of meta.props.filter((p) => p.kind === 'scalar')) {
            const column = columns.find((c) => c.name === prop.fieldNames[0])!;
            const type = baseType(column);
            const quoted = db.quote(column.name);
            if (readAsText[type] || derived[type]) {
              const expression = readAsText[type]?.(quoted) ?? derived[type]!(quoted);
              const params = derived[type] ? [row[prop.name], row['id']] : [row['id']];
              const [value] = await db.sql<{ v: unknown }>(`select ${expression} as v from ${table} where id = ?`, params);
              expect(value!.v, `${entity.name}.${prop.name} (${column.type})`).to.deep.equal(derived[type] ? true : row[prop.name]);
            } else {
              expect(comparable(stored[prop.name]), `${entity.name}.${prop.name} (${column.type})`).to.deep.equal(comparable(row[prop.name]));
            }
          }
        }
      });

      it('keeps every value within its column: character(n) exactly n, varchar(n) at most n, numeric(p,s) within p digits and s decimals', async () => {
        const checked: string[] = [];
        for (const column of columns) {
          const [n] = sizes(column);
          const type = baseType(column);
          const quoted = db.quote(column.name);
          if (column.type.endsWith(']')) continue; // array elements: checked by the database on PostgreSQL, the only one with arrays
          if (['character', 'char', 'bit', 'binary'].includes(type) && n !== undefined) {
            const length = type === 'binary' ? `length(${quoted})` : charLength(db, quoted);
            const [row] = await db.numbers(`select min(${length}) as shortest, max(${length}) as longest from ${table}`);
            expect([row!['shortest'], row!['longest']], `${column.name} ${column.type}`).to.deep.equal([n, n]);
            checked.push(column.name);
          } else if (['character varying', 'varchar', 'bit varying', 'varbinary'].includes(type) && n !== undefined) {
            const length = type === 'varbinary' ? `length(${quoted})` : charLength(db, quoted);
            const [row] = await db.numbers(`select max(${length}) as longest from ${table}`);
            expect(row!['longest'], `${column.name} ${column.type}`).to.be.within(1, n);
            checked.push(column.name);
          } else if (['numeric', 'decimal'].includes(type) && n !== undefined) {
            const scale = sizes(column)[1] ?? 0;
            const digits = new RegExp(`^-?\\d{1,${Math.max(1, n - scale)}}${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`);
            const values = await db.sql<{ v: unknown }>(`select ${quoted} as v from ${table}`);
            values.forEach(({ v }) => expect(String(v), `${column.name} ${column.type}`).to.match(digits));
            checked.push(column.name);
          }
        }
        expect(checked, 'every model has a character(n) and a numeric(p,s) column').to.include.members(['fixed', 'price']);
      });

      it('sets the required foreign key of every row to an existing row', async () => {
        const owner = columns.find((c) => c.name === 'owner_id')!;
        expect(owner.nullable).to.equal(false);
        const [row] = await db.numbers(
          `select count(*) as total, count(o.id) as owned from ${table} t left join column_owner o on o.id = t.owner_id`,
        );
        expect(row).to.deep.equal({ total: 20, owned: 20 });
      });
    });
  }
});
