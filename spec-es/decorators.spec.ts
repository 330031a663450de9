/**
 * fixtory under ES (TC39) decorators: this folder is compiled by tsconfig.es.json, without
 * experimentalDecorators, as TypeScript compiles a new project by default. No design:type exists
 * here, so plain models give their types with @Field({ type }).
 */
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  Field,
  Ignore,
  Lazy,
  MissingBuildKwargException,
  ParameterException,
  Persist,
  PostGenerated,
  Related,
  Require,
  Sequence,
  SyncPersistenceProtocol,
  Use,
  type HookInfo,
} from 'fixtory';

class Publisher {
  @Field({ type: () => String }) name!: string;
  @Field({ type: () => Date }) founded!: Date;
}

@Factory(Publisher)
class PublisherFactory extends BaseFactory<Publisher> {
  @Use(() => 'Penguin') name!: string;
}

class Book {
  @Field({ type: () => String }) title!: string;
  @Field({ type: () => Number }) pages!: number;
  @Field({ type: () => Date }) published!: Date;
  @Field({ type: () => String }) isbn!: string;
  @Field({ type: () => String }) slug!: string;
  @Field({ type: () => String }) note!: string;
  @Field({ type: () => String }) code?: string;
  @Field({ type: () => String }) owner!: string;
  @Field({ type: () => Publisher }) publisher!: Publisher;
}

class Books extends SyncPersistenceProtocol<Book> {
  readonly rows: Book[] = [];
  save(book: Book): Book {
    this.rows.push(book);
    return book;
  }
  saveMany(books: Book[]): Book[] {
    this.rows.push(...books);
    return books;
  }
}
const books = new Books();
const built: string[] = [];

@Factory(Book)
@Persist(books)
class BookFactory extends BaseFactory<Book> {
  static transient = { shout: false };

  @Use((prefix: string) => `${prefix} and Prejudice`, 'Pride') title!: string;
  @Sequence((n) => `978-${n}`) isbn!: string;
  @PostGenerated((_name, values) => String(values['title']).toLowerCase().replaceAll(' ', '-')) slug!: string;
  @Lazy(({ values, transient }) => (transient['shout'] ? `${String(values['title']).toUpperCase()}!` : `${values['pages']} pages`)) note!: string;
  @Ignore() code?: string;
  @Require() owner!: string;
  @Related({ factory: () => PublisherFactory }) publisher!: Publisher;

  static afterBuild(book: Book, info: HookInfo): void {
    built.push(`${book.title} #${info.index}`);
  }
}

describe('ES (TC39) decorators', () => {
  it('applies every field decorator, @Factory and @Persist', () => {
    const [first, second] = BookFactory.createBatchSync(2, { owner: 'Ada' });
    expect(books.rows).to.deep.equal([first, second]);
    expect(first).to.be.instanceOf(Book);
    expect(first!.title).to.equal('Pride and Prejudice');
    expect([first!.isbn, second!.isbn]).to.deep.equal(['978-1', '978-2']);
    expect(first!.slug).to.equal('pride-and-prejudice');
    expect(first!.note).to.equal(`${first!.pages} pages`);
    expect(first!.pages).to.be.a('number');
    expect(first!.published).to.be.instanceOf(Date);
    expect(first!.code).to.equal(undefined);
    expect(first!.owner).to.equal('Ada');
    expect(first!.publisher).to.be.instanceOf(Publisher);
    expect(first!.publisher.name).to.equal('Penguin');
    expect(first!.publisher.founded).to.be.instanceOf(Date);
    expect(built.slice(-2)).to.deep.equal(['Pride and Prejudice #0', 'Pride and Prejudice #1']);
  });

  it('reads transient parameters and requires @Require fields', () => {
    expect(BookFactory.build({ owner: 'Ada' }, { transient: { shout: true } }).note).to.equal('PRIDE AND PREJUDICE!');
    expect(() => BookFactory.build()).to.throw(MissingBuildKwargException, 'owner');
  });

  it('inherits the fields a parent factory declared, and a subclass redeclares one', () => {
    @Factory(Book)
    class SequelFactory extends BookFactory {
      // With useDefineForClassFields (the default here) a redeclared field needs an initializer; factories are never instantiated.
      @Use(() => 'Sense and Sensibility') override title = '';
    }
    const sequel = SequelFactory.build({ owner: 'Jane' });
    expect(sequel.title).to.equal('Sense and Sensibility');
    expect(sequel.slug).to.equal('sense-and-sensibility');
    expect(sequel.isbn).to.match(/^978-\d+$/);
  });

  it('builds plain objects from the fields a @Factory() declares', () => {
    interface Point {
      x: number;
      label: string;
    }
    @Factory()
    class PointFactory extends BaseFactory<Point> {
      @Sequence((n) => n * 10) x!: number;
      @Field({ type: () => String }) label!: string;
    }
    const point = PointFactory.build();
    expect(point.x).to.equal(10);
    expect(point.label).to.be.a('string').and.not.equal('');
  });

  it('says what to declare for a plain field without a type: ES decorators emit no design:type', () => {
    class Untyped {
      @Field() title!: string;
    }
    @Factory(Untyped)
    class UntypedFactory extends BaseFactory<Untyped> {}
    expect(() => UntypedFactory.build()).to.throw(ConfigurationException, /Untyped\.title.*no design:type.*ES decorators.*@Field\(\{ type: \(\) => String \}\)/);
    expect(UntypedFactory.build({ title: 'given' }).title).to.equal('given');
  });

  it('refuses a field decorator on a static field, a private field, a method or an accessor', () => {
    const ignore = Ignore() as unknown as (value: unknown, context: object) => void;
    const context = (kind: string, extra: object = {}) => ({ kind, name: 'x', static: false, private: false, metadata: {}, ...extra });
    expect(() => ignore(undefined, context('field', { static: true }))).to.throw(ParameterException, "@Ignore on static field 'x'");
    expect(() => ignore(undefined, context('field', { private: true, name: '#x' }))).to.throw(ParameterException, 'public properties with string names');
    expect(() => ignore(() => 1, context('method'))).to.throw(ParameterException, "@Ignore on method 'x'");
    expect(() => ignore(undefined, context('accessor'))).to.throw(ParameterException, 'fields (not methods, accessors or classes)');
    expect(() => ignore(undefined, context('field', { metadata: undefined }))).to.throw(ConfigurationException, "Import 'fixtory' before");
  });

  it('refuses two value decorators on one field, naming both', () => {
    expect(() => {
      class Twice extends BaseFactory<{ a: string }> {
        @Use(() => 'x')
        @Require()
        a!: string;
      }
      return Twice;
    }).to.throw(ParameterException, /field 'a' is marked both @Require and @Use/); // ES applies the lower decorator first
  });

  it('refuses @Factory and @Persist anywhere but on a class', () => {
    const factory = Factory(Book) as unknown as (value: unknown, context: object) => void;
    expect(() => factory(() => 1, { kind: 'method', name: 'build' })).to.throw(ParameterException, '@Factory on method');
    const persist = Persist(books) as unknown as (value: unknown, context: object) => void;
    expect(() => persist(() => 1, { kind: 'method', name: 'build' })).to.throw(ParameterException, '@Persist on method');
  });
});
