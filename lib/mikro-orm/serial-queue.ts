/**
 * MikroORM does not allow two flushes of one EntityManager to overlap. Saves through the same
 * EntityManager therefore wait for each other; saves through different ones (forks) do not.
 */
const tails = new WeakMap<object, Promise<unknown>>();

export function serialised<T>(key: object, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  tails.set(key, run.then(() => undefined, () => undefined));
  return run;
}
