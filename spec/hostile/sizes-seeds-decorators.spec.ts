import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  Field,
  ParameterException,
  Persist,
  Related,
  SEED_ENV,
  currentSeed,
  registry,
  seedAll,
} from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync, MemorySync } from '../support/memory-persistence.js';

class Crate {
  @Field() label!: string;
}

@Factory(Crate)
@Persist(new MemorySync<Crate>())
@Persist(new MemoryAsync<Crate>())
class CrateFactory extends BaseFactory<Crate> {}

describe('hostile input: sizes', () => {
  for (const size of [2 ** 32, Number.MAX_SAFE_INTEGER, 1_000_001]) {
    it(`refuses a batch of ${size} with a ParameterException that says to split the batch`, async () => {
      expectThrows(() => CrateFactory.batch(size), ParameterException, 'CrateFactory.batch', '1,000,000', 'split', 'CrateFactory.seedRows(');
      expectThrows(() => CrateFactory.createBatchSync(size), ParameterException, 'CrateFactory.createBatchSync', '1,000,000');
      await expectRejects(CrateFactory.createBatchAsync(size), ParameterException, 'CrateFactory.createBatchAsync', '1,000,000');
    });
  }

  it('refuses an oversized batch before calling a per-item overrides function', () => {
    let calls = 0;
    expectThrows(() => CrateFactory.batch(2 ** 32, () => ({ label: String(++calls) })), ParameterException, 'split');
    expect(calls).to.equal(0);
  });

  for (const size of [1e9, [0, 1_000_001], [2, 1]] as const) {
    it(`refuses @Related({ size: ${JSON.stringify(size)} }) when decorating: bounded like a batch`, () => {
      expectThrows(() => Related({ size }), ParameterException, '@Related', 'size', '1,000,000');
    });
  }

  it('takes @Related sizes up to the batch bound', () => {
    expect(() => Related({ size: 1_000_000 })).not.to.throw();
    expect(() => Related({ size: [0, 1_000_000] })).not.to.throw();
  });
});

const script = fileURLToPath(new URL('../support/seeded-graph.js', import.meta.url));
function runWithSeed(seed: string): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, [SEED_ENV]: seed }, stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { status: failed.status, output: failed.stderr };
  }
}

describe('hostile input: seeds', () => {
  after(() => seedAll(Math.floor(Math.random() * 2 ** 31)));

  for (const raw of ['abc', '1.5', '1e400', '9007199254740993', 'NaN']) {
    it(`${SEED_ENV}=${raw} stops the run with a clear error instead of a random run`, function () {
      this.timeout(20_000);
      const { status, output } = runWithSeed(raw);
      expect(status).not.to.equal(0);
      expect(output).to.include('ConfigurationException').and.include(SEED_ENV).and.include(raw).and.include('safe integer');
    });
  }

  for (const seed of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, '42', 2 ** 53, null]) {
    it(`seedAll(${String(seed)}) and Factory.seed(${String(seed)}) are ParameterExceptions`, () => {
      const before = currentSeed();
      expectThrows(() => seedAll(seed as number), ParameterException, 'seedAll', 'safe integer');
      expectThrows(() => CrateFactory.seed(seed as number), ParameterException, 'CrateFactory.seed', 'safe integer');
      expect(currentSeed()).to.equal(before);
    });
  }

  it('the seed option of @Factory must be a safe integer too', () => {
    class Loose extends BaseFactory<Crate> {}
    expectThrows(() => Factory(Crate, { seed: 0.5 })(Loose), ParameterException, "option 'seed'", 'safe integer');
  });

  it('currentSeed() is always a replayable integer', () => {
    expect(Number.isSafeInteger(currentSeed())).to.equal(true);
    seedAll(-7);
    expect(currentSeed()).to.equal(-7);
  });
});

describe('hostile input: misuse at decoration time', () => {
  it('@Persist on a class that is not a factory', () => {
    class NotAFactory {}
    expectThrows(() => Persist(new MemorySync<Crate>())(NotAFactory as never), ParameterException, '@Persist on NotAFactory', 'BaseFactory');
  });

  it('@Factory twice on one class', () => {
    class Twice extends BaseFactory<Crate> {}
    Factory(Crate)(Twice);
    try {
      expectThrows(() => Factory(Crate)(Twice), ConfigurationException, 'Twice', '@Factory', 'twice');
      expect(registry.registrationOf(Twice)?.model).to.equal(Crate);
    } finally {
      registry.unregister(Twice);
    }
  });

  it("clearPersistence('Sync') and other unknown kinds", () => {
    expectThrows(() => CrateFactory.clearPersistence('Sync' as never), ParameterException, 'CrateFactory.clearPersistence', "'sync'", "'async'");
    expectThrows(() => registry.clearDefaultPersistence('both' as never), ParameterException, 'clearDefaultPersistence');
    expect(CrateFactory.createSync().label).to.be.a('string'); // nothing was cleared
    class Bare extends BaseFactory<Crate> {} // no handler of its own: nothing to clear, still a wrong argument
    Factory(Crate)(Bare);
    try {
      expectThrows(() => Bare.clearPersistence('Sync' as never), ParameterException, 'Bare.clearPersistence');
    } finally {
      registry.unregister(Bare);
    }
  });
});
