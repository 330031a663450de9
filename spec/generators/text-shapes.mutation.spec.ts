import { expect } from 'chai';
import { faker } from '@faker-js/faker';
import type { GenerationContext } from '../../lib/generators/design-type.js';
import { enumValues } from '../../lib/generators/enum-values.js';
import { fieldWords, indexOfPhrase } from '../../lib/generators/field-words.js';
import { fitToLength, trimAtWord } from '../../lib/generators/fit-length.js';
import { SeenValues } from '../../lib/generators/seen-values.js';

const context = { faker, sequence: 0, index: 0, transient: {}, buildNested: () => undefined } as unknown as GenerationContext;

/** A generator that returns the given values in turn (the last one again once they run out), counting its calls. */
function drawing(...values: unknown[]): { generate: () => unknown; calls: () => number } {
  let calls = 0;
  return { generate: () => values[Math.min(calls++, values.length - 1)], calls: () => calls };
}

class CannotFit extends Error {}
const cannotFit = (example: string): never => {
  throw new CannotFit(example);
};

describe('column lengths: trimming and redrawing', () => {
  describe('trimAtWord', () => {
    it('keeps text that fits, without trailing whitespace', () => {
      expect(trimAtWord('Blue owls  ', 9)).to.equal('Blue owls');
      expect(trimAtWord('Blue owls', 9)).to.equal('Blue owls');
    });

    it('cuts at the last word boundary within the length, dropping a dangling comma or dash', () => {
      expect(trimAtWord('Blue owls fly', 12)).to.equal('Blue owls');
      expect(trimAtWord('Blue owls fly', 13)).to.equal('Blue owls fly');
      // The word that ends exactly at the limit is kept: the boundary after it is looked for too.
      expect(trimAtWord('Blue owls fly home', 13)).to.equal('Blue owls fly');
      expect(trimAtWord('Blue owls, fly', 12)).to.equal('Blue owls');
      expect(trimAtWord('Blue owls - fly', 12)).to.equal('Blue owls');
      expect(trimAtWord('Blue owls; fly', 11)).to.equal('Blue owls');
    });

    it('gives nothing when even the first word is longer, or when only separators would be left', () => {
      expect(trimAtWord('Extraordinary owls', 5)).to.equal(undefined);
      expect(trimAtWord('- owls', 3)).to.equal(undefined);
    });
  });

  describe('fitToLength', () => {
    it('keeps a value that fits (and anything that is not a string) as drawn, drawing once', () => {
      const short = drawing('owl', 'never');
      expect(fitToLength(short.generate, 3, { cannotFit })(context)).to.equal('owl');
      expect(short.calls()).to.equal(1);
      const number = drawing(12345);
      expect(fitToLength(number.generate, 3, { cannotFit })(context)).to.equal(12345);
    });

    it('trims prose at once, without redrawing', () => {
      const prose = drawing('Blue owls fly home', 'short');
      expect(fitToLength(prose.generate, 10, { prose: true, cannotFit })(context)).to.equal('Blue owls');
      expect(prose.calls()).to.equal(1);
    });

    it('gives prose whose first word is too long a single word that fits', () => {
      const value = fitToLength(() => 'Extraordinarily long', 4, { prose: true, cannotFit })(context) as string;
      expect(value.length).to.be.within(1, 4);
      expect(value).to.match(/^\S+$/);
    });

    it('redraws a format that is too long, and keeps the first value that fits', () => {
      const format = drawing('too long', 'still too long', 'fits');
      expect(fitToLength(format.generate, 4, { cannotFit })(context)).to.equal('fits');
      expect(format.calls()).to.equal(3);
    });

    it('redraws 20 times in all before it tries a shorter variant', () => {
      const values = Array.from({ length: 19 }, () => 'too long');
      const late = drawing(...values, 'fits');
      expect(fitToLength(late.generate, 4, { cannotFit })(context)).to.equal('fits');
      const never = drawing('too long');
      const shorter = fitToLength(never.generate, 4, { shorter: () => 'shrt', cannotFit })(context);
      expect(shorter).to.equal('shrt');
      expect(never.calls()).to.equal(20);
    });

    it('uses a shorter variant only when it fits, then trims words, else says the format cannot fit', () => {
      const long = () => 'Blue owls fly';
      expect(fitToLength(long, 9, { shorter: () => 'Owls', words: true, cannotFit })(context)).to.equal('Owls');
      expect(fitToLength(long, 9, { shorter: () => 'Blue owls!!', words: true, cannotFit })(context)).to.equal('Blue owls');
      expect(fitToLength(long, 9, { shorter: () => undefined, words: true, cannotFit })(context)).to.equal('Blue owls');
      expect(() => fitToLength(long, 9, { shorter: () => 'Blue owls!!', cannotFit })(context)).to.throw(CannotFit, 'Blue owls fly');
      expect(() => fitToLength(() => 'Extraordinary', 5, { words: true, cannotFit })(context)).to.throw(CannotFit, 'Extraordinary');
    });
  });
});

describe('field names as words', () => {
  it('splits camelCase, PascalCase, snake_case, kebab-case, acronyms and digits alike, lower-cased', () => {
    expect(fieldWords('ipAddress')).to.deep.equal(['ip', 'address']);
    expect(fieldWords('IPAddress')).to.deep.equal(['ip', 'address']);
    expect(fieldWords('ip_address')).to.deep.equal(['ip', 'address']);
    expect(fieldWords('billing-zip-code')).to.deep.equal(['billing', 'zip', 'code']);
    expect(fieldWords('addressLine2')).to.deep.equal(['address', 'line', '2']);
    expect(fieldWords('___')).to.deep.equal([]);
  });

  it('finds a phrase only as consecutive whole words', () => {
    expect(indexOfPhrase(['home', 'zip', 'code'], ['zip', 'code'])).to.equal(1);
    expect(indexOfPhrase(['zip', 'code'], ['zip', 'code'])).to.equal(0);
    expect(indexOfPhrase(['zip', 'home', 'code'], ['zip', 'code'])).to.equal(-1);
    expect(indexOfPhrase(['home', 'zip'], ['zip', 'code'])).to.equal(-1);
    expect(indexOfPhrase(['code'], ['code'])).to.equal(0);
  });
});

describe('enum values', () => {
  it('takes the values of a numeric enum without its reverse entries, and of a string enum or a list as they are', () => {
    enum Role {
      Admin,
      Editor = 5,
    }
    enum Colour {
      Red = 'red',
      Green = 'Green',
    }
    expect(enumValues(Role)).to.deep.equal([0, 5]);
    expect(enumValues(Colour)).to.deep.equal(['red', 'Green']);
    // A string value that happens to name another key is a value, not a reverse entry.
    expect(enumValues({ A: 'B', B: 'A' })).to.deep.equal(['B', 'A']);
    const list = ['x', 'y'];
    const copy = enumValues(list);
    expect(copy).to.deep.equal(['x', 'y']);
    expect(copy).not.to.equal(list);
  });
});

describe('the memory of a unique column', () => {
  it('tells new values from taken ones, across growth of its table', () => {
    const seen = new SeenValues(10_000);
    expect(seen.size).to.equal(0);
    expect(seen.full).to.equal(false);
    for (let i = 0; i < 5_000; i++) expect(seen.add(`v${i}`)).to.equal(true);
    expect(seen.size).to.equal(5_000);
    expect(seen.add('v42')).to.equal(false);
    expect(seen.size).to.equal(5_000);
    for (let i = 0; i < 5_000; i++) expect(seen.has(`v${i}`), `v${i}`).to.equal(true);
    const unseen = Array.from({ length: 2_000 }, (_, i) => `w${i}`).filter((value) => seen.has(value));
    expect(unseen.length).to.be.below(5); // only a shared 32-bit hash makes a new value look taken
  });

  it('is full at its capacity and then takes no more', () => {
    const seen = new SeenValues(3);
    expect(['a', 'b'].map((value) => seen.add(value))).to.deep.equal([true, true]);
    expect(seen.full).to.equal(false);
    expect(seen.add('c')).to.equal(true);
    expect(seen.full).to.equal(true);
    expect(seen.add('d')).to.equal(false);
    expect(seen.has('d')).to.equal(false);
    expect(seen.size).to.equal(3);
  });
});
