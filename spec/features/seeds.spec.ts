import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Lazy, SEED_ENV, Sequence, currentSeed, seedAll } from 'fixtory';

class Coordinates {
  @Field() lat!: number;
  @Field() lng!: number;
}
class Venue {
  @Field() name!: string;
  @Field() city!: string;
  @Field() opened!: Date;
  @Field() location!: Coordinates;
}

@Factory(Venue)
class VenueFactory extends BaseFactory<Venue> {}

const script = fileURLToPath(new URL('../support/seeded-graph.js', import.meta.url));
function runWithSeed(seed: string | undefined): string {
  const env = { ...process.env };
  if (seed === undefined) delete env[SEED_ENV];
  else env[SEED_ENV] = seed;
  return execFileSync(process.execPath, [script], { encoding: 'utf8', env });
}

describe('deterministic seeds', () => {
  it('seedAll makes everything that follows repeat, nested automatic factories included', () => {
    seedAll(1234);
    const first = VenueFactory.batch(3);
    seedAll(1234);
    expect(VenueFactory.batch(3)).to.deep.equal(first);
    seedAll(4321);
    expect(VenueFactory.batch(3)).not.to.deep.equal(first);
    expect(currentSeed()).to.equal(4321);
  });

  it('gives every field a stream of its own: adding a field changes no other field', () => {
    // The same factory before and after a field is added (same name, so the same streams).
    const version = (fields: string[]) => {
      const cls = { ShopFactory: class extends BaseFactory<Record<string, unknown>> {} }.ShopFactory;
      for (const field of fields) Field({ type: () => (field === 'rating' ? Number : String) })(cls.prototype, field);
      Factory()(cls);
      cls.seed(5);
      return cls;
    };
    const before = version(['name', 'city']).batch(3);
    const after = version(['name', 'rating', 'city']).batch(3);
    expect(after.map(({ name, city }) => ({ name, city }))).to.deep.equal(before);
    after.forEach((shop) => expect(shop['rating']).to.be.a('number'));
  });

  it('restarts sequences with the seed, and repeats nested registered factories under their nesting factory’s seed', () => {
    class Editor {
      @Field() name!: string;
    }
    class Issue {
      @Field() number!: number;
      @Field() editor!: Editor;
    }
    @Factory(Editor)
    class EditorFactory extends BaseFactory<Editor> {}
    @Factory(Issue)
    class IssueFactory extends BaseFactory<Issue> {
      @Sequence((n) => n) number!: number;
    }
    IssueFactory.seed(7);
    const first = IssueFactory.batch(2);
    IssueFactory.seed(7);
    expect(IssueFactory.batch(2)).to.deep.equal(first);
    expect(first.map((i) => i.number)).to.deep.equal([1, 2]);
    seedAll(8);
    const again = IssueFactory.batch(1);
    seedAll(8);
    expect(IssueFactory.batch(1)).to.deep.equal(again);
    // seedAll reseeds factories that have no seed of their own too.
    seedAll(8);
    const editor = EditorFactory.build().name;
    seedAll(8);
    expect(EditorFactory.build().name).to.equal(editor);
  });

  it('keeps a nested field’s values when another nested field of the same type is added', () => {
    class Person {
      @Field() name!: string;
    }
    const version = (fields: string[]) => {
      const cls = { PaperFactory: class extends BaseFactory<Record<string, unknown>> {} }.PaperFactory;
      for (const field of fields) Field({ type: () => Person })(cls.prototype, field);
      Factory()(cls);
      cls.seed(3);
      return cls;
    };
    const before = version(['author']).batch(3).map((p) => (p['author'] as Person).name);
    const after = version(['author', 'editor']).batch(3).map((p) => (p['author'] as Person).name);
    expect(after).to.deep.equal(before);
  });

  it('seeds @Lazy fields through their own stream', () => {
    @Factory()
    class DiceFactory extends BaseFactory<{ roll: number }> {
      @Lazy(({ faker }) => faker.number.int({ min: 1, max: 6 })) roll!: number;
    }
    DiceFactory.seed(9);
    const rolls = DiceFactory.batch(10).map((d) => d.roll);
    DiceFactory.seed(9);
    expect(DiceFactory.batch(10).map((d) => d.roll)).to.deep.equal(rolls);
  });

  it('repeats a whole graph in two separate processes with the same FIXTORY_SEED', function () {
    this.timeout(20_000);
    const [a, b] = [runWithSeed('2026'), runWithSeed('2026')];
    expect(JSON.parse(a).venues).to.have.length(4);
    expect(a).to.equal(b);
    expect(JSON.parse(a).seed).to.equal(2026);
    expect(runWithSeed('2027')).not.to.equal(a);
  });

  it('reports the random seed of an unseeded run, and that seed repeats it', function () {
    this.timeout(20_000);
    const unseeded = JSON.parse(runWithSeed(undefined)) as { seed: number };
    expect(unseeded.seed).to.be.a('number');
    expect(runWithSeed(String(unseeded.seed))).to.equal(runWithSeed(String(unseeded.seed)));
    expect(JSON.parse(runWithSeed(String(unseeded.seed)))).to.deep.equal(unseeded);
  });
});
