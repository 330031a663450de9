import { registerModelAdapter } from '../inspect/model-adapter.js';
import { mikroOrmEntityAdapter } from './entity-adapter.js';

registerModelAdapter(mikroOrmEntityAdapter);

export { MikroOrmPersistence, MikroOrmSyncPersistence, type EntityManagerSource, type MikroOrmPersistenceOptions } from './persistence.js';
export { MikroOrmBulkPersistence } from './bulk-persistence.js';
export { TestTransaction } from './test-transaction.js';
export { useMikroOrm, forgetMikroOrms } from './orm-registry.js';
export { fixtorySeeder, type SeederClass } from './seeder.js';
