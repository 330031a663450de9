import 'reflect-metadata';
import { expect } from 'chai';
import { faker } from '@faker-js/faker';
import { BaseFactory, ConfigurationException, Factory, MikroOrmPersistence, Persist, currentReferenceDate, formatExplanation, useMikroOrm } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { formatChecks } from '../support/format-checks.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';
import { Contact, ShortCode, TightEmail } from './support/realism-entities.js';

@Factory(Contact)
@Persist(MikroOrmPersistence)
class ContactFactory extends BaseFactory<Contact> {}

/** A second factory of the model: it must draw from the same unique columns. */
@Factory(Contact, { default: false })
@Persist(MikroOrmPersistence)
class OtherContactFactory extends BaseFactory<Contact> {}

@Factory(ShortCode)
@Persist(MikroOrmPersistence)
class ShortCodeFactory extends BaseFactory<ShortCode> {}

@Factory(ShortCode, { default: false })
@Persist(MikroOrmPersistence)
class SecondShortCodeFactory extends BaseFactory<ShortCode> {}

@Factory(TightEmail)
@Persist(MikroOrmPersistence)
class TightEmailFactory extends BaseFactory<TightEmail> {}

const loremWords = new Set<string>(((faker.rawDefinitions.lorem as { word?: string[] } | undefined)?.word ?? []).map((w) => w.toLowerCase()));
/** Whether a text is made of whole lorem words only (no word cut in two), without trailing whitespace. */
function wholeLoremWords(text: string): boolean {
  return text === text.trim() && text.split(/\s+/).every((word) => loremWords.has(word.replace(/[.,]$/, '').toLowerCase()));
}

describe('MikroORM: values that keep their format in tight columns', () => {
  let db: TestDatabase;

  before(async () => {
    db = await openTestDatabase();
    useMikroOrm(db.orm);
  });
  after(async () => db.close());

  it('writes 2,000 rows from two factories whose values fit, read back with SQL length(), and pass validator', async function () {
    this.timeout(120_000);
    for (let i = 0; i < 10; i++) {
      await ContactFactory.createBatchAsync(100);
      await OtherContactFactory.createBatchAsync(100);
    }
    const columns = { email: 24, website: 40, phone: 16, zip_code: 10, country_code: 2, uuid: 36, ip_address: 15, isbn: 13, iban: 34, slug: 16, username: 12, company_name: 20, title: 24, description: 40, code: 6 };
    for (const [column, length] of Object.entries(columns)) {
      // `trailing` and `rows` are keywords on MariaDB; count() reads as a number on every database.
      const [row] = await db.sql<{ longest: number; trailing_spaces: number }>(
        `select max(length(${column})) as longest, count(case when ${column} like '% ' then 1 end) as trailing_spaces from contact`,
      );
      expect(row!.longest, column).to.be.at.most(length);
      expect(row!.trailing_spaces, column).to.equal(0);
    }
    expect(loremWords.size).to.be.above(100);
    const rows = await db.sql<Record<string, string | number>>('select * from contact');
    expect(rows).to.have.length(2000);
    const camel: Record<string, string> = { zip_code: 'zipCode', country_code: 'countryCode', ip_address: 'ipAddress' };
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const check = formatChecks[camel[column] ?? column];
        if (check) expect(check(String(value)), `${column}: ${value}`).to.equal(true);
      }
      expect(wholeLoremWords(String(row.description)), String(row.description)).to.equal(true);
      expect(wholeLoremWords(String(row.notes)), String(row.notes)).to.equal(true);
      expect(row.age).to.be.within(0, 120);
      // Past and future around the reference date: SQLite keeps datetimes as milliseconds, PostgreSQL's driver reads them as text, MariaDB's as Dates.
      const instant = (value: unknown) => (typeof value === 'number' ? value : new Date(value as string | Date).getTime());
      expect(instant(row.created_at)).to.be.below(currentReferenceDate().getTime());
      expect(instant(row.expires_at)).to.be.above(currentReferenceDate().getTime());
    }
    for (const column of ['email', 'uuid', 'isbn', 'slug', 'username', 'code']) {
      const [{ uniq }] = (await db.sql<{ uniq: number }>(`select count(distinct ${column}) as uniq from contact`)) as [{ uniq: number }];
      expect(uniq, column).to.equal(2000);
    }
  });

  it('keeps a unique varchar(3) distinct across two factories of the model: 80 creates, 80 rows', async () => {
    for (let i = 0; i < 40; i++) {
      await ShortCodeFactory.createAsync();
      await SecondShortCodeFactory.createAsync();
    }
    const [{ row_count: rows, uniq }] = (await db.sql<{ row_count: number; uniq: number }>(
      'select count(*) as row_count, count(distinct code) as uniq from short_code',
    )) as [{ row_count: number; uniq: number }];
    expect([rows, uniq]).to.deep.equal([80, 80]);
  });

  it('explains a column: its hint, its length and its unique strategy', () => {
    const email = ContactFactory.explain().find((row) => row.field === 'email');
    expect(email).to.deep.equal({
      field: 'email',
      from: 'hint',
      generator: "faker.internet.email() (hint 'email'), fitted to 24 characters",
      unique: "redraw, then the 'email' fallback",
    });
    expect(formatExplanation(ContactFactory.explain())).to.match(/^id +unset +set by the database or the ORM$/m);
  });

  it('refuses a format that cannot fit its column, naming the column, and writes nothing', async () => {
    await expectRejects(TightEmailFactory.createAsync(), ConfigurationException, 'TightEmail.email', 'at most 5 characters', 'faker.internet.email()');
    expect(await db.sql('select * from tight_email')).to.deep.equal([]);
  });
});
