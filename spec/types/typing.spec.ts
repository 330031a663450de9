/**
 * Type-level specs. Each `@ts-expect-error` line must fail to compile: if fixtory's types ever
 * accept it, `tsc` reports the directive as unused and `npm test` fails at its build step.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import {
  AsyncPersistenceProtocol,
  BaseFactory,
  Factory,
  Field,
  Persist,
  SyncPersistenceProtocol,
  Use,
  type ModelOf,
  type Overrides,
} from 'fixtory';

class Author {
  @Field() name!: string;
  @Field() born!: number;
  describe(): string {
    return this.name;
  }
}
class Publisher {
  @Field() city!: string;
}

class AuthorStore extends SyncPersistenceProtocol<Author> {
  save(data: Author): Author {
    return data;
  }
  saveMany(data: Author[]): Author[] {
    return data;
  }
}

@Factory(Author)
@Persist(new AuthorStore())
class AuthorFactory extends BaseFactory<Author> {
  @Use(() => 'Ada') name!: string;
}

type Equals<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

// Never called: it exists to be compiled.
export function compileOnly(): void {
  assertType<Equals<ReturnType<typeof AuthorFactory.build>, Author>>();
  assertType<Equals<ModelOf<AuthorFactory>, Author>>();
  assertType<Equals<Required<Overrides<Author>>, { name: string; born: number }>>();
  // @ts-expect-error the check above can fail
  assertType<Equals<Required<Overrides<Author>>, { name: string }>>();

  // seedRows takes `plain`; stream, which hands instances back, does not.
  void AuthorFactory.seedRows(10, { plain: true, chunk: 5 });
  // @ts-expect-error stream yields instances: plain rows are seedRows' alone
  void AuthorFactory.stream(10, { plain: true });
  // @ts-expect-error plain is a boolean
  void AuthorFactory.seedRows(10, { plain: 'yes' });

  // @ts-expect-error an override key the model does not have
  AuthorFactory.build({ nme: 'typo' });
  // @ts-expect-error an override of the wrong type
  AuthorFactory.build({ born: 'last year' });
  // @ts-expect-error methods are not fields
  AuthorFactory.build({ describe: () => 'x' });
  // @ts-expect-error batch overrides are checked too
  AuthorFactory.batch(2, { nme: 'typo' });
  // @ts-expect-error create overrides are checked too
  void AuthorFactory.createAsync({ nme: 'typo' });
  // @ts-expect-error the result is an Author, not a Publisher
  const wrong: Publisher = AuthorFactory.build();
  void wrong;
  // @ts-expect-error createAsync resolves to the model; it is not the model itself
  const notAwaited: Author = AuthorFactory.createAsync();
  void notAwaited;
  // @ts-expect-error BaseFactory is abstract and has no model to build
  BaseFactory.build();

  class Misdecorated extends BaseFactory<Author> {
    // @ts-expect-error @Use must produce the field's type
    @Use(() => 42) name!: string;
    // @ts-expect-error a generator that may give undefined cannot fill a required field
    @Use((): string | undefined => undefined) born!: string;
  }
  void Misdecorated;

  class NarrowerValues extends BaseFactory<Author & { role: string }> {
    // a generator of a narrower type (a literal union) fits a wider field
    @Use(() => (['admin', 'user'] as const)[0]) role!: string;
  }
  void NarrowerValues;

  // @ts-expect-error @Factory(Publisher) cannot decorate a factory of Author
  @Factory(Publisher)
  class WrongModelFactory extends BaseFactory<Author> {}
  void WrongModelFactory;

  class PublisherStore extends SyncPersistenceProtocol<Publisher> {
    save(data: Publisher): Publisher {
      return data;
    }
    saveMany(data: Publisher[]): Publisher[] {
      return data;
    }
  }
  // @ts-expect-error a handler of Publisher cannot persist Authors
  @Persist(new PublisherStore())
  class WrongHandlerFactory extends BaseFactory<Author> {}
  void WrongHandlerFactory;

  // @ts-expect-error setPersistence is typed by the factory's model too
  AuthorFactory.setPersistence(new PublisherStore());

  class BadSync extends SyncPersistenceProtocol<Author> {
    // @ts-expect-error a sync protocol's save returns the model, not a promise
    async save(data: Author): Promise<Author> {
      return data;
    }
    saveMany(data: Author[]): Author[] {
      return data;
    }
  }
  void BadSync;

  class ImplementsAsync implements AsyncPersistenceProtocol<Author> {
    async save(data: Author): Promise<Author> {
      return data;
    }
    async saveMany(data: Author[]): Promise<Author[]> {
      return data;
    }
  }
  AuthorFactory.setPersistence(new ImplementsAsync(), { kind: 'async' });
}

describe('types', () => {
  it('types results as the model and accepts typed overrides', async () => {
    const author: Author = AuthorFactory.build({ born: 1815 });
    const authors: Author[] = AuthorFactory.batch(2, { name: 'Grace' });
    const saved: Author = AuthorFactory.createSync();
    expect(author.born).to.equal(1815);
    expect(authors.map((a) => a.name)).to.deep.equal(['Grace', 'Grace']);
    expect(saved.describe()).to.equal('Ada');
    expect(compileOnly).to.be.a('function');
  });
});
