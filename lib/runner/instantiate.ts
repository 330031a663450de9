import { ConfigurationException, nameOf } from '../errors.js';
import type { InstantiationContext } from '../inspect/model-adapter.js';
import type { Constructor, FieldValues } from '../types.js';

export type Instantiate<T> = (values: FieldValues, context: InstantiationContext) => T;

/**
 * How a factory turns generated values into an instance: its `construct` option, else
 * `new Model()` with the values assigned, else (plain-object factories) a plain object.
 */
export function instantiatorFor<T>(factory: string, model: Constructor<T> | undefined, construct?: Instantiate<T>): Instantiate<T> {
  if (construct) return construct;
  if (!model) return (values) => ({ ...values }) as T;
  const Model = model as unknown as new () => T;
  return (values) => {
    let instance: T;
    try {
      instance = new Model();
    } catch (error) {
      throw ConfigurationException.constructorFailed(factory, nameOf(model), error);
    }
    return Object.assign(instance as object, values) as T;
  };
}
