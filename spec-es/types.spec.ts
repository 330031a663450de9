/**
 * Type-level specs under ES decorators: each `@ts-expect-error` line must fail to compile, else
 * `tsc -p tsconfig.es.json` reports the directive as unused and `npm test` fails at its build step.
 */
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Ignore, Lazy, Sequence, Use, type HookInfo } from 'fixtory';

class Author {
  @Field({ type: () => String }) name!: string;
  @Field({ type: () => Date }) born!: Date;
  nickname?: string;
}
class Publisher {
  @Field({ type: () => String }) city!: string;
}

// Never called: it exists to be compiled.
export function compileOnly(): void {
  class Checked extends BaseFactory<Author> {
    @Use(() => 'Ada') name!: string;
    @Use(() => new Date(0)) born!: Date;
    @Use(() => undefined) nickname?: string;
  }
  void Checked;

  class WrongType extends BaseFactory<Author> {
    // @ts-expect-error the model's born is a Date, whatever the factory declares
    @Use(() => 'yesterday') born!: string;
    // @ts-expect-error @Sequence values are checked too
    @Sequence((n) => n) name!: string;
    // @ts-expect-error @Lazy values are checked too
    @Lazy(() => 42) nickname?: string;
  }
  void WrongType;

  class Misspelled extends BaseFactory<Author> {
    // @ts-expect-error not a field of Author
    @Use(() => 'Ada') nmae!: string;
    // @ts-expect-error @Ignore names a field of the model too
    @Ignore() brn!: Date;
  }
  void Misspelled;

  // @ts-expect-error a hook of another model's instances
  @Factory(Author)
  class WrongHook extends BaseFactory<Author> {
    static afterBuild(publisher: Publisher, _info: HookInfo): void {
      void publisher.city;
    }
  }
  void WrongHook;
}

describe('types under ES decorators', () => {
  it('is compiled (the checks are the @ts-expect-error lines)', () => {
    expect(compileOnly).to.be.a('function');
  });
});
