import 'reflect-metadata';
import { expect } from 'chai';
import { Type, Utils, type EntityProperty, type Opt, type Rel } from '@mikro-orm/core';
import { MikroOrmBulkPersistence } from 'fixtory';
import { directInserts, rawRunner, statements, type RawRunner, type Shape, type SqlPlatform } from '../../lib/mikro-orm/direct-insert.js';
import { Embeddable, Embedded, Entity, ManyToOne, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { currentDatabase } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// Shapes where the direct INSERT must step aside or write exactly MikroORM's values, each written
// once through MikroORM's insert and once with the direct INSERT on: the rows must be equal.

/** Stored lower-cased by the database: MikroORM writes `lower(?)`. */
class LowerType extends Type<string, string> {
  override convertToDatabaseValueSQL(key: string): string {
    return `lower(${key})`;
  }
  override getColumnType(): string {
    return 'varchar(40)';
  }
}

@Embeddable()
class ShapePart {
  @Property() zipCode!: string;
  @Property() streetName!: string;
}

@Entity({ tableName: 'shape_row' })
class ShapeRow {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
  @Property({ length: 40, nullable: true }) note?: string | null;
  @Property({ length: 40, nullable: true, default: 'fallback' }) tag?: string | null;
  @Property({ defaultRaw: '42', type: 'integer' }) answer!: number & Opt;
}

@Entity({ tableName: 'shape_coded' })
class ShapeCoded {
  @PrimaryKey() id!: number;
  @Property({ type: LowerType }) code!: string;
}

@Entity({ tableName: 'shape_json' })
class ShapeJson {
  @PrimaryKey() id!: number;
  @Embedded(() => ShapePart, { object: true }) part!: ShapePart;
  @Embedded(() => ShapePart, { array: true }) parts!: ShapePart[];
}

@Entity({ tableName: 'shape_pair' })
class ShapePair {
  @PrimaryKey() left!: number;
  @PrimaryKey() right!: number;
  @Property({ length: 40 }) label!: string;
}

@Entity({ tableName: 'shape_child' })
class ShapeChild {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) title!: string;
  @ManyToOne(() => ShapePair) pair!: Rel<ShapePair>;
}

const database = currentDatabase();

describe(`direct bulk INSERT on ${database}: shapes it steps aside for, and the values it writes`, function () {
  this.timeout(30_000);
  let db: TestDatabase;
  before(async () => {
    db = await openTestDatabase({ entities: [ShapePart, ShapeRow, ShapeCoded, ShapeJson, ShapePair, ShapeChild] });
  });
  after(async () => {
    directInserts.enabled = true;
    await db?.close();
  });

  /** The rows both arms leave in `table` (without their generated keys), after saving what `make` returns. */
  async function bothArms(table: string, make: () => object[], skip: string[] = ['id']): Promise<number> {
    const arms: Record<string, unknown>[][] = [];
    let direct = 0;
    for (const enabled of [false, true]) {
      for (const name of ['shape_child', 'shape_pair', 'shape_row', 'shape_coded', 'shape_json']) await db.sql(`delete from ${name}`);
      directInserts.enabled = enabled;
      try {
        const entities = make();
        const before = directInserts.statements;
        await new MikroOrmBulkPersistence(db.orm).saveMany(entities);
        direct = directInserts.statements - before;
        const rows = await db.sql<Record<string, unknown>>(`select * from ${table} order by ${skip.includes('id') ? 'id' : '1'}`);
        arms.push(rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !skip.includes(key)).map(([key, value]) => [key, value instanceof Date ? value.getTime() : value]))));
        // Values the database gave back are on the entities, as MikroORM's insert puts them there.
        for (const entity of entities) if (entity instanceof ShapeRow) expect(Number(entity.answer)).to.equal(42);
      } finally {
        directInserts.enabled = true;
      }
    }
    expect(arms[1]).to.deep.equal(arms[0]);
    expect(arms[0]!.length).to.be.greaterThan(0);
    return direct;
  }

  const row = (n: number, values: Partial<ShapeRow> = {}) => Object.assign(new ShapeRow(), { name: `row ${n}`, ...values });
  const part = (n: number) => Object.assign(new ShapePart(), { zipCode: `Z${n}`, streetName: `S${n}` });
  // MikroORM 6 has no RETURNING on MariaDB, and MikroORM 7 keeps its own insert.
  const expectedDirect = database !== 'mariadb' && Utils.getORMVersion().startsWith('6.') ? 1 : 0;

  it("leaves to MikroORM a custom type's SQL conversion (lower(?))", async () => {
    expect(await bothArms('shape_coded', () => [1, 2].map((n) => Object.assign(new ShapeCoded(), { code: `CODE-${n}` })))).to.equal(0);
    expect((await db.sql<{ code: string }>('select code from shape_coded order by id')).map((r) => r.code)).to.deep.equal(['code-1', 'code-2']);
  });

  it('leaves to MikroORM JSON embeddables, one object and an array (field names, JSON arrays)', async () => {
    expect(await bothArms('shape_json', () => [1, 2].map((n) => Object.assign(new ShapeJson(), { part: part(n), parts: [part(n), part(n + 10)] })))).to.equal(0);
    expect(JSON.stringify((await db.sql<{ part: unknown }>('select part from shape_json'))[0]!.part)).to.contain('zip_code');
  });

  it('writes the database defaults back on the entities, and leaves rows that set different properties to MikroORM', async () => {
    expect(await bothArms('shape_row', () => [row(1), row(2), row(3)])).to.equal(expectedDirect);
    expect(await bothArms('shape_row', () => [row(1), row(2, { note: 'set' }), row(3, { note: null })])).to.equal(0);
    expect(await bothArms('shape_row', () => [row(1, { note: 'set' }), row(2, { note: 'set' })])).to.equal(expectedDirect);
  });

  it('keeps an explicit null of a nullable property with a default null', async () => {
    expect(await bothArms('shape_row', () => [row(1, { tag: null }), row(2, { tag: 'mine' })])).to.equal(expectedDirect);
    expect((await db.sql<{ tag: string | null }>('select tag from shape_row order by id')).map((r) => r.tag)).to.deep.equal([null, 'mine']);
  });

  it('writes a composite primary key and a foreign key of two columns', async () => {
    const viaPair = await bothArms('shape_child', () => {
      const pair = Object.assign(new ShapePair(), { left: 1, right: 2, label: 'pair' });
      return [Object.assign(new ShapeChild(), { title: 'a', pair }), Object.assign(new ShapeChild(), { title: 'b', pair })];
    });
    expect(viaPair).to.equal(0);
    await bothArms('shape_pair', () => [Object.assign(new ShapePair(), { left: 3, right: 4, label: 'alone' })], []);
  });

  describe('the statement, for any platform', () => {
    const withDefault = (platform: SqlPlatform, keyword: boolean): SqlPlatform =>
      Object.create(platform, { usesDefaultKeyword: { value: () => keyword } }) as SqlPlatform;
    const shapeOf = (props: Partial<EntityProperty>[]): Shape => ({ props: props as EntityProperty[], keys: props.map((p) => p.name!), head: 'insert into t (a, b, c) values ', tail: ' returning id', returnable: [] });
    const numbered: RawRunner = { maxParams: 10, placeholder: (index) => `$${index}`, run: async () => [] };

    it('binds strings, writes other values as MikroORM literals, and `default` where the platform has it for a missing value', () => {
      const platform = db.orm.em.getPlatform() as unknown as SqlPlatform;
      const shape = shapeOf([{ name: 'a' }, { name: 'b' }, { name: 'c', nullable: true, default: 'd' }]);
      const data = [{ a: 'x', b: 7, c: null }, { a: 'y\u0000z', b: undefined, c: undefined }];
      const { mikro, run } = statements(withDefault(platform, true), numbered, shape, data);
      expect(run.sql).to.equal(`insert into t (a, b, c) values ($1, 7, ${platform.quoteValue(null)}), (${platform.quoteValue('y\u0000z')}, default, $2) returning id`);
      expect(run.params).to.deep.equal(['x', 'd']);
      expect(mikro.sql).to.equal('insert into t (a, b, c) values (?, ?, ?), (?, ?, ?) returning id');
      expect(platform.formatQuery(mikro.sql, mikro.params)).to.equal(
        `insert into t (a, b, c) values (${platform.quoteValue('x')}, 7, ${platform.quoteValue(null)}), (${platform.quoteValue('y\u0000z')}, default, ${platform.quoteValue('d')}) returning id`,
      );
      const plain = statements(withDefault(platform, false), { ...numbered, placeholder: () => '?' }, shape, [{ a: 'x', b: undefined, c: undefined }]);
      expect(plain.run.sql).to.equal(`insert into t (a, b, c) values (?, ${platform.quoteValue(undefined)}, ?) returning id`);
    });
  });

  describe('the connection it runs on', () => {
    it('runs pg clients with numbered parameters, sqlite3 databases with `?`, and nothing else', async () => {
      const calls: unknown[][] = [];
      const pg = rawRunner({ query: async (...args: unknown[]) => calls.push(args), escapeLiteral: (v: string) => v })!;
      expect([pg.maxParams, pg.placeholder(1), pg.placeholder(12)]).to.deep.equal([65_535, '$1', '$12']);
      await pg.run('insert 1', ['a']);
      expect(calls).to.deep.equal([['insert 1', ['a']]]);

      class Database {
        all(sql: string, params: unknown[], cb: (error: Error | null, rows: unknown[]) => void) {
          if (sql === 'fail') cb(new Error('no'), []);
          else cb(null, [{ sql, params }]);
        }
      }
      const sqlite = rawRunner(new Database())!;
      expect([sqlite.maxParams, sqlite.placeholder(3)]).to.deep.equal([32_766, '?']);
      expect(await sqlite.run('insert 2', ['b'])).to.deep.equal([{ sql: 'insert 2', params: ['b'] }]);
      let failure: unknown;
      await sqlite.run('fail', []).catch((error: unknown) => (failure = error));
      expect((failure as Error).message).to.equal('no');

      expect(rawRunner({ query: async () => [] })).to.equal(undefined); // a mysql2 connection: no escapeLiteral
      expect(rawRunner({ all: () => undefined })).to.equal(undefined); // not a sqlite3 Database
      expect(rawRunner(new (class Database {})())).to.equal(undefined);
      expect(rawRunner(null)).to.equal(undefined);
      expect(rawRunner(undefined)).to.equal(undefined);
    });
  });
});
