import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Ignore, ParameterException, PostGenerated, Require, Use } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

enum Role {
  Admin,
  Member,
}
enum Plan {
  Free = 'free',
  Pro = 'pro',
}

describe('field decorators', () => {
  describe('@Field({ enum })', () => {
    class Subscription {
      @Field({ enum: Role }) role!: Role;
      @Field({ enum: Plan }) plan!: Plan;
      @Field({ enum: ['red', 'green'] as const }) color!: 'red' | 'green';
    }
    @Factory(Subscription)
    class SubscriptionFactory extends BaseFactory<Subscription> {}

    it('picks only real enum values (never the reverse names of a numeric enum) and list members', () => {
      const seen = SubscriptionFactory.batch(200);
      expect(new Set(seen.map((s) => s.role))).to.deep.equal(new Set([Role.Admin, Role.Member]));
      expect(new Set(seen.map((s) => s.plan))).to.deep.equal(new Set([Plan.Free, Plan.Pro]));
      expect(new Set(seen.map((s) => s.color))).to.deep.equal(new Set(['red', 'green']));
    });

    it('rejects an empty or non-object enum with ParameterException', () => {
      expectThrows(() => Field({ enum: [] }), ParameterException, "@Field: option 'enum'", 'non-empty array');
      expectThrows(() => Field({ enum: 'red' as never }), ParameterException, "option 'enum'");
    });
  });

  describe('argument checks', () => {
    it('rejects a @Use that is not given a function', () => {
      expectThrows(() => Use('Ada' as never), ParameterException, '@Use', 'expected a function', 'the string "Ada"');
    });

    it('rejects a @PostGenerated that is not given a function', () => {
      expectThrows(() => PostGenerated(42 as never), ParameterException, '@PostGenerated', 'expected a function', 'number 42');
    });

    it('rejects @Field options of the wrong kind', () => {
      expectThrows(() => Field('String' as never), ParameterException, '@Field', 'options object');
      expectThrows(() => Field({ type: String as never as () => Function, items: 'x' as never }), ParameterException, "option 'items'", '() => String');
    });

    it('rejects two value markers on one field, naming both', () => {
      expectThrows(
        () => {
          class Twice extends BaseFactory<{ a: string }> {
            @Use(() => 'x')
            @Require()
            a!: string;
          }
          return Twice;
        },
        ParameterException,
        'Twice.a',
        '@Require',
        '@Use',
      );
    });

    it('rejects a field decorator on a symbol-named property', () => {
      const key = Symbol('secret');
      class SymbolField extends BaseFactory<{ a: string }> {}
      expectThrows(() => (Ignore() as unknown as PropertyDecorator)(SymbolField.prototype, key), ParameterException, 'SymbolField.Symbol(secret)', 'string names');
    });

    it('rejects a field decorator on a static property', () => {
      expectThrows(
        () => {
          class StaticField extends BaseFactory<{ a: string }> {
            @(Ignore() as unknown as PropertyDecorator) static a: string;
          }
          return StaticField;
        },
        ParameterException,
        'StaticField.a',
        'not static ones',
      );
    });
  });

  it('lets a model declare a field type with @Field that a factory then generates', () => {
    class Review {
      @Field({ type: () => Number }) stars!: number | null;
    }
    @Factory(Review)
    class ReviewFactory extends BaseFactory<Review> {}
    expect(ReviewFactory.build().stars).to.be.a('number');
  });
});
