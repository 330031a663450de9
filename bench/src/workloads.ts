import { buildEntities, buildPlain } from './cases/build.js';
import { parallelUsers } from './cases/parallel.js';
import { persistCheapUsers, persistCheapUsersWithPosts, persistUsers, persistUsersWithPosts } from './cases/persist.js';
import type { Workload } from './workload.js';

/**
 * Every workload of the suite, in report order. A new kind of work is a new Workload here, or a
 * new case in one: the runner, the child process and the report need no
 * change.
 */
export const workloads: Workload[] = [buildPlain, buildEntities, persistUsers, persistUsersWithPosts, persistCheapUsers, persistCheapUsersWithPosts, parallelUsers];

export function workload(id: string): Workload {
  const found = workloads.find((w) => w.id === id);
  if (!found) throw new Error(`unknown workload ${id}; known: ${workloads.map((w) => w.id).join(', ')}`);
  return found;
}
