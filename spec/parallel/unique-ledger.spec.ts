import { expect } from 'chai';
import { ParallelSeedException } from 'fixtory';
import type { UniqueStrategy } from '../../lib/generators/unique-values.js';
import type { ColumnValues } from '../../lib/parallel/messages.js';
import { UniqueLedger } from '../../lib/parallel/unique-ledger.js';

const column = (strategy: UniqueStrategy, values: unknown[], given: boolean[] = values.map(() => false)): ColumnValues => ({
  id: 'User\u0000field',
  factory: 'UserFactory',
  label: 'User.field',
  strategy,
  values,
  given,
});

describe('UniqueLedger: unique values across the blocks of a parallel seed', () => {
  it('keeps a value the first block that takes it, and replaces it with the column fallback in later blocks', () => {
    const ledger = new UniqueLedger();
    const email: UniqueStrategy = { kind: 'string', fallback: 'email' };
    expect(ledger.decide(0, [column(email, ['ada@example.com', 'bob@example.com'])])).to.deep.equal([]);
    expect(ledger.decide(1, [column(email, ['cyd@example.com', 'ada@example.com'])])).to.deep.equal([{ id: 'User\u0000field', pairs: [['ada@example.com', 'ada+2@example.com']] }]);
    expect(ledger.decide(2, [column(email, ['ada@example.com'])])[0]!.pairs).to.deep.equal([['ada@example.com', 'ada+3@example.com']]);
    expect(ledger.replaced).to.equal(2);
  });

  it('counts integers and dates up from the largest value taken, and never replaces a given value', () => {
    const ledger = new UniqueLedger();
    ledger.decide(0, [column({ kind: 'integer' }, [5, 9])]);
    expect(ledger.decide(1, [column({ kind: 'integer' }, [9, 9], [true, false])])).to.deep.equal([{ id: 'User\u0000field', pairs: [[9, 10]] }]);
    const dates = new UniqueLedger();
    dates.decide(0, [column({ kind: 'date' }, [new Date('2026-01-01T00:00:00Z')])]);
    const [decision] = dates.decide(1, [column({ kind: 'date' }, [new Date('2026-01-01T00:00:00Z')])]);
    expect((decision!.pairs[0]![1] as Date).toISOString()).to.equal('2026-01-01T00:00:01.000Z');
  });

  it('decides the same whatever the order blocks arrive in, as long as they are decided in block order', () => {
    const blocks = [['a', 'b'], ['b', 'c'], ['c', 'a', 'd']].map((values) => [column({ kind: 'string', fallback: 'slug' }, values)]);
    const run = () => {
      const ledger = new UniqueLedger();
      return blocks.map((columns, block) => ledger.decide(block, columns));
    };
    expect(run()).to.deep.equal(run());
    expect(run()[2]![0]!.pairs).to.deep.equal([['c', 'c-2'], ['a', 'a-2']]);
  });

  it('refuses loudly what only a redraw could make distinct', () => {
    const ledger = new UniqueLedger();
    ledger.decide(0, [column({ kind: 'use' }, ['x'])]);
    expect(() => ledger.decide(3, [column({ kind: 'use' }, ['x'])])).to.throw(ParallelSeedException, 'User.field = "x" in block 3');
  });
});
