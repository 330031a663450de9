import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, lintFactories, LintException, MikroOrmPersistence, ParameterException, registry, type Traits } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Author, Book, Publisher } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

class Gizmo {
  @Field() label!: string;
  @Field() settings!: Record<string, unknown>; // design:type Object: fixtory cannot generate it
}

describe('lintFactories()', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  const defined: Function[] = [];

  function define() {
    @Factory(Publisher)
    class LintedPublisherFactory extends BaseFactory<Publisher> {
      static traits = { named: { overrides: { name: 'Named House' } } } satisfies Traits<Publisher>;
    }
    @Factory(Book)
    class LintedBookFactory extends BaseFactory<Book> {
      static traits = {
        orphan: { overrides: { author: null as never } },
        titled: { overrides: { title: 'A Title' } },
      } satisfies Traits<Book>;
    }
    @Factory(Author)
    class LintedAuthorFactory extends BaseFactory<Author> {}
    @Factory(Gizmo)
    class GizmoFactory extends BaseFactory<Gizmo> {}
    for (const factory of [LintedPublisherFactory, LintedBookFactory, LintedAuthorFactory]) factory.setPersistence(new MikroOrmPersistence(db.orm));
    defined.push(LintedPublisherFactory, LintedBookFactory, LintedAuthorFactory, GizmoFactory);
    return { LintedPublisherFactory, LintedBookFactory, LintedAuthorFactory, GizmoFactory };
  }

  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    for (const factory of defined.splice(0)) registry.unregister(factory as never);
    await db.close();
  });

  it('builds and creates every factory and trait, lists every failure with factory, trait, step and field, and writes nothing', async () => {
    const { LintedPublisherFactory, LintedBookFactory, LintedAuthorFactory, GizmoFactory } = define();
    const error = (await expectRejects(
      lintFactories({ orm: db.orm, factories: [LintedPublisherFactory, LintedBookFactory, LintedAuthorFactory, GizmoFactory] }),
      LintException,
      '2 factory check(s) failed',
    )) as LintException;
    expect(error.failures.map(({ factory, trait, step, field }) => ({ factory, trait, step, field }))).to.deep.equal([
      { factory: 'GizmoFactory', trait: undefined, step: 'build', field: 'Gizmo.settings' },
      { factory: 'LintedBookFactory', trait: 'orphan', step: 'create', field: 'Book.author' },
    ]);
    expect(error.message).to.include('GizmoFactory build [Gizmo.settings]').and.include('LintedBookFactory (trait orphan) create [Book.author]');
    for (const table of ['publisher', 'book', 'author']) expect(await db.sql(`select * from ${table}`), table).to.deep.equal([]);
  });

  it('returns what passed and what it skipped when every check passes', async () => {
    const { LintedPublisherFactory, LintedAuthorFactory } = define();
    @Factory(Author)
    class InMemoryAuthorFactory extends BaseFactory<Author> {}
    defined.push(InMemoryAuthorFactory);
    const report = await lintFactories({ orm: db.orm, factories: [LintedPublisherFactory, LintedAuthorFactory, InMemoryAuthorFactory] });
    expect(report.passed).to.deep.equal([
      'LintedPublisherFactory build',
      'LintedPublisherFactory (named) build',
      'LintedAuthorFactory build',
      'InMemoryAuthorFactory build',
      'LintedPublisherFactory create',
      'LintedPublisherFactory (named) create',
      'LintedAuthorFactory create',
    ]);
    expect(report.skipped).to.deep.equal(['InMemoryAuthorFactory create: its async handler is not a fixtory MikroORM handler (or it has none): creating would write for real']);
    expect(await db.sql('select * from publisher')).to.deep.equal([]);
  });

  it('says so when its rolled-back transaction cannot even start (a closed ORM)', async function () {
    const { LintedAuthorFactory } = define();
    await db.orm.close(true);
    // MikroORM 7 opens a closed SQLite connection again on demand: there, this failure cannot be made.
    const reopens = await db.orm.em.fork().transactional(async () => true).catch(() => false);
    if (reopens) this.skip();
    await expectRejects(lintFactories({ orm: db.orm, factories: [LintedAuthorFactory] }), LintException, 'lintFactories could not run its rolled-back transaction');
  });

  it('refuses an orm option that is not a MikroORM instance', async () => {
    await expectRejects(lintFactories({ orm: {} as never }), ParameterException, 'lintFactories', "option 'orm'");
  });
});
