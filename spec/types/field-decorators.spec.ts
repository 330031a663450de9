/**
 * Type-level specs of field decorators and static hooks against the factory's model (legacy
 * decorators; spec-es/types.spec.ts checks the same under ES decorators). Each `@ts-expect-error`
 * line must fail to compile, else `tsc` reports the directive as unused and `npm test` fails.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Ignore, Lazy, PostGenerated, Related, Require, Sequence, Use, type HookInfo } from 'fixtory';

class Author {
  @Field() name!: string;
  @Field() born!: Date;
  @Field() nickname?: string;
  describe(): string {
    return this.name;
  }
}
class Publisher {
  @Field() city!: string;
}

@Factory(Author)
class AuthorFactory extends BaseFactory<Author> {
  @Use(() => 'Ada') name!: string;
  @Sequence((n) => new Date(n)) born!: Date;
  @Ignore() nickname?: string;

  static afterBuild(author: Author, info: HookInfo): void {
    author.nickname = `${author.name} #${info.index}`;
  }
  static async afterCreate(author: Author): Promise<void> {
    await Promise.resolve(author.describe());
  }
}

// Never called: it exists to be compiled.
export function compileOnly(): void {
  class WrongType extends BaseFactory<Author> {
    // @ts-expect-error the model's born is a Date, whatever type the factory gives the property
    @Use(() => 'yesterday') born!: Date;
    // @ts-expect-error @Sequence values must fit the model's field
    @Sequence((n) => n) name!: string;
    // @ts-expect-error @Lazy values must fit the model's field
    @Lazy(() => 42) nickname?: string;
    // @ts-expect-error @PostGenerated values must fit the model's field
    @PostGenerated(() => 42) describe!: string;
  }
  void WrongType;

  class FactoryPropertyTypeIsNotTheJudge extends BaseFactory<Author> {
    // @ts-expect-error the factory says string, the model says Date: the model decides
    @Use(() => 'yesterday') born!: string;
  }
  void FactoryPropertyTypeIsNotTheJudge;

  class Misspelled extends BaseFactory<Author> {
    // @ts-expect-error not a field of Author
    @Use(() => 'Ada') nmae!: string;
    // @ts-expect-error @Ignore names a field of the model
    @Ignore() brn!: Date;
    // @ts-expect-error @Require names a field of the model
    @Require() nick!: string;
    // @ts-expect-error @Field on a factory names a field of the model
    @Field() cty!: string;
    // @ts-expect-error @Related names a field of the model
    @Related() publisher!: Publisher;
    // @ts-expect-error methods are not fields
    @Ignore() describe!: () => string;
  }
  void Misspelled;

  // @ts-expect-error a hook of another model's instances
  @Factory(Author)
  class WrongAfterBuild extends BaseFactory<Author> {
    static afterBuild(publisher: Publisher): void {
      void publisher.city;
    }
  }
  void WrongAfterBuild;

  // @ts-expect-error beforeCreate is typed against the model too
  @Factory(Author)
  class WrongBeforeCreate extends BaseFactory<Author> {
    static beforeCreate(author: Author, info: string): void {
      void author;
      void info;
    }
  }
  void WrongBeforeCreate;

  // @ts-expect-error a hook must be a function
  @Factory(Author)
  class NotAHook extends BaseFactory<Author> {
    static afterCreate = 'later';
  }
  void NotAHook;

  // A model's own @Field may decorate any of its properties; values fit the model's own type.
  class Model {
    @Field() title!: string;
    @Field() protected secret!: string;
    // @ts-expect-error on a model, @Use still checks the value against the property's type
    @Use(() => 1) label!: string;
  }
  void Model;
}

describe('types of field decorators and hooks', () => {
  it('compiles the factory whose decorators and hooks fit its model, and runs its hooks', () => {
    const author = AuthorFactory.build();
    expect(author.name).to.equal('Ada');
    expect(author.born).to.be.instanceOf(Date);
    expect(author.nickname).to.equal('Ada #0');
    expect(compileOnly).to.be.a('function');
  });
});
