/** The module every worker of the parallel workload imports: one factory of bench users, written by the bulk handler. */
import { BaseFactory, Factory, MikroOrmBulkPersistence, Persist } from '../../../dist/lib/index.js';
import { BenchUser } from '../entities.js';

@Factory(BenchUser)
@Persist(MikroOrmBulkPersistence)
export class ParallelBenchUserFactory extends BaseFactory<BenchUser> {}
