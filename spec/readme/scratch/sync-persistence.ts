// README "Handlers": MikroOrmSyncPersistence only persists; the caller's flush writes.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmSyncPersistence } from 'fixtory';
import { openOrm } from '../support/db.js';
import { libraryEntities, Publisher } from '../support/library.js';

@Factory(Publisher)
class PublisherFactory extends BaseFactory<Publisher> {}

const db = await openOrm({ entities: libraryEntities });
const em = db.orm.em.fork();
async function rows(database: typeof db, table: string): Promise<number> {
  const [row] = await database.orm.em.fork().getConnection().execute(`select count(*) as count from ${table}`);
  return Number(row.count);
}
{
// README block
  expect(many).to.have.length(4);
}
await db.orm.close();
