import 'reflect-metadata';
import Database from 'better-sqlite3';
import { BaseFactory, Factory, Field, Persist, SyncPersistenceProtocol } from 'fixtory';
import { sampleFile } from './data-dir.js';

export class Customer {
  @Field() id?: number;
  @Field() name!: string;
  @Field() email!: string;
  @Field() city!: string;
}

/** A real synchronous handler: better-sqlite3 writes before save() returns. */
export class SqliteCustomerStore extends SyncPersistenceProtocol<Customer> {
  private readonly insert;
  constructor(readonly db: Database.Database) {
    super();
    db.exec('create table if not exists customer (id integer primary key, name text not null, email text not null unique, city text not null)');
    this.insert = db.prepare('insert into customer (name, email, city) values (@name, @email, @city)');
  }
  save(customer: Customer): Customer {
    const { id, ...row } = customer;
    customer.id = Number(this.insert.run(row).lastInsertRowid);
    return customer;
  }
  saveMany(customers: Customer[]): Customer[] {
    // One transaction: a batch is written whole or not at all.
    return this.db.transaction((batch: Customer[]) => batch.map((c) => this.save(c)))(customers);
  }
}

export const customerDb: Database.Database = new Database(sampleFile('customers.sqlite'));

@Factory(Customer)
@Persist(new SqliteCustomerStore(customerDb))
export class CustomerFactory extends BaseFactory<Customer> {}

export function main() {
  const one = CustomerFactory.createSync({ city: 'Lisbon' });
  const many = CustomerFactory.createBatchSync(4);
  return { one, many };
}
