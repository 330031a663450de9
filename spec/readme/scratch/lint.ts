// README "Linting factories": one LintException with every failure, nothing written.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, lintFactories, LintException, MikroOrmPersistence, type Traits } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Author, Book, libraryEntities, Publisher } from '../support/library.js';

class Gizmo {
  @Field() label!: string;
  @Field() settings!: Record<string, unknown>; // design:type Object: fixtory cannot generate it
}

@Factory(Publisher)
class LintedPublisherFactory extends BaseFactory<Publisher> {
  static traits = { named: { overrides: { name: 'Named House' } } } satisfies Traits<Publisher>;
}
@Factory(Book)
class LintedBookFactory extends BaseFactory<Book> {
  static traits = { orphan: { overrides: { author: null as never } } } satisfies Traits<Book>;
}
@Factory(Author)
class LintedAuthorFactory extends BaseFactory<Author> {}
@Factory(Gizmo)
class GizmoFactory extends BaseFactory<Gizmo> {}

const db = await openOrm({ entities: libraryEntities });
for (const factory of [LintedPublisherFactory, LintedBookFactory, LintedAuthorFactory]) factory.setPersistence(new MikroOrmPersistence(db.orm));

async function expectRejects(promise: Promise<unknown>, type: new (...args: never[]) => Error, ...words: string[]): Promise<Error> {
  const error = await promise.then(() => expect.fail(`expected ${type.name}`), (reason: unknown) => reason);
  expect(error).to.be.instanceOf(type);
  for (const word of words) expect((error as Error).message).to.include(word);
  return error as Error;
}
{
// README block
}
expect(await db.orm.em.fork().count(Book)).to.equal(0);
await db.orm.close();
