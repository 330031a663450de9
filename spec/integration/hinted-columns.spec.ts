import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, currentReferenceDate, registerHint, unregisterHint, useMikroOrm } from 'fixtory';
import { Entity, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

/** Integer and datetime columns whose names a hint knows, and some it does not. */
@Entity()
class Gauge {
  @PrimaryKey() id!: number;
  @Property({ type: 'smallint' }) level!: number;
  @Property({ type: 'smallint' }) rating!: number;
  @Property({ type: 'integer' }) unitPrice!: number;
  @Property({ type: 'smallint' }) reading!: number;
  @Property({ type: 'double' }) stars!: number;
  @Property({ type: 'datetime' }) createdAt!: Date;
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'datetime' }) lastSeen!: Date;
}

@Factory(Gauge)
class GaugeFactory extends BaseFactory<Gauge> {}

describe('MikroORM: integer and datetime columns take the hint their name has', () => {
  let db: TestDatabase;

  before(async () => {
    db = await openTestDatabase({ entities: [Gauge] });
    useMikroOrm(db.orm);
  });
  // Also makes every test plan the factory again, with the code as it is (plans are cached).
  beforeEach(() => unregisterHint());
  after(async () => {
    unregisterHint();
    await db.close();
  });

  it('an integer column takes a whole-number hint, kept within the column; a hint with fractions is not used', () => {
    registerHint('level', { kind: 'number', integer: true, generate: () => 40_000, describe: 'level 40,000' });
    const gauges = GaugeFactory.batch(50);
    for (const gauge of gauges) {
      expect(gauge.level).to.equal(32_767); // a smallint holds no more
      expect(gauge.rating).to.be.oneOf([1, 2, 3, 4, 5]);
      expect(gauge.unitPrice).to.satisfy(Number.isInteger);
    }
    const sources = Object.fromEntries(GaugeFactory.explain().map((field) => [field.field, field]));
    expect(sources.level).to.include({ from: 'hint', generator: "level 40,000 (hint 'level')" });
    expect(sources.rating).to.include({ from: 'hint', generator: "integer 1..5 (hint 'rating')" });
    expect(sources.unitPrice!.from).to.equal('column type'); // prices have cents: the column's own integers
    expect(sources.reading).to.include({ from: 'column type', generator: 'the smallint generator' });
    expect(sources.stars).to.include({ from: 'column type', generator: 'the double generator' }); // not an integer column: no whole-number hint
    for (const gauge of gauges) expect(gauge.stars).to.be.a('number').and.satisfy(Number.isFinite);
  });

  it('a datetime column takes a date hint at whole seconds; one without a hint keeps the column’s dates', () => {
    const reference = currentReferenceDate().getTime();
    for (const gauge of GaugeFactory.batch(50)) {
      expect(gauge.createdAt.getTime()).to.be.below(reference);
      expect(gauge.expiresAt.getTime()).to.be.above(reference);
      expect(gauge.createdAt.getTime() % 1000).to.equal(0);
      expect(gauge.expiresAt.getTime() % 1000).to.equal(0);
    }
    const sources = Object.fromEntries(GaugeFactory.explain().map((field) => [field.field, field]));
    expect(sources.createdAt).to.include({ from: 'hint', generator: "in the year before the reference date (hint 'created at')" });
    expect(sources.expiresAt).to.include({ from: 'hint', generator: "in the year after the reference date (hint 'expires at')" });
    expect(sources.lastSeen!.from).to.equal('column type');
  });
});
