import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Related, Sequence, registerProvider, unregisterProvider, type Traits } from 'fixtory';
import { Author, Book, Genre, KitchenSink, Level, Place, Point, PointType } from './support/entities.js';
import { transactionPerTest } from './support/transaction-per-test.js';

@Factory(Author)
class NovelistFactory extends BaseFactory<Author> {
  @Sequence((n) => `novelist${n}@example.org`) email!: string;
  @Field({ unique: true }) name!: string;
}

@Factory(Book)
class NovelFactory extends BaseFactory<Book> {
  static traits = { poetry: { overrides: { title: 'Verses' } } } satisfies Traits<Book>;
  @Related({ factory: () => NovelistFactory }) author!: Author;
}

@Factory(KitchenSink)
class SinkCoverageFactory extends BaseFactory<KitchenSink> {}

@Factory(Place)
class PlaceFactory extends BaseFactory<Place> {}

describe('MikroORM: generation power on entities', function () {
  this.timeout(30_000);
  transactionPerTest();

  it('builds the required parent from a nested partial, through the parent’s factory', async () => {
    const book = await NovelFactory.createAsync({ author: { name: 'Ada' } });
    expect(book.author).to.be.instanceOf(Author);
    expect(book.author.name).to.equal('Ada');
    expect(book.author.email).to.match(/^novelist\d+@example\.org$/);
    expect(book.author.id).to.be.a('number');
  });

  it('fills a collection from a list of partials, each child pointing back', async () => {
    const author = await NovelistFactory.createAsync({ books: [{ title: 'First' }, { title: 'Second' }] });
    expect(author.books.getItems().map((b) => b.title)).to.deep.equal(['First', 'Second']);
    author.books.getItems().forEach((book) => {
      expect(book.author).to.equal(author);
      expect(book.id).to.be.a('number');
    });
  });

  it('applies traits and per-item overrides to entities in create calls', async () => {
    const books = await NovelFactory.createBatchAsync(2, (i) => ({ author: { name: `Poet ${i}` } }), { traits: ['poetry'] });
    expect(books.map((b) => [b.title, b.author.name])).to.deep.equal([
      ['Verses', 'Poet 0'],
      ['Verses', 'Poet 1'],
    ]);
  });

  it('covers every enum member and both null and non-null of nullable columns', () => {
    const sinks = SinkCoverageFactory.coverage();
    expect(new Set(sinks.map((s) => s.genre))).to.deep.equal(new Set(Object.values(Genre)));
    expect(new Set(sinks.map((s) => s.nickname === null))).to.deep.equal(new Set([true, false]));
    expect(new Set(sinks.map((s) => s.flag))).to.deep.equal(new Set([true, false]));
    expect(new Set(sinks.map((s) => s.priority))).to.deep.equal(new Set([null, Level.Low, Level.Mid, Level.High]));
  });

  it('generates a custom MikroORM Type with a provider registered for its class', async () => {
    registerProvider(PointType, ({ faker }) => new Point(faker.number.int(90), faker.number.int(180)));
    try {
      const place = PlaceFactory.build();
      expect(place.location).to.be.instanceOf(Point);
    } finally {
      unregisterProvider(PointType);
    }
  });
});
