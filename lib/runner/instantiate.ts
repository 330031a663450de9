import { ConfigurationException, nameOf } from '../errors.js';
import type { InstantiationContext } from '../inspect/model-adapter.js';
import type { Constructor, FieldValues } from '../types.js';
import { refuseReservedKeys } from './arguments.js';

export type Instantiate<T> = (values: FieldValues, context: InstantiationContext) => T;

/**
 * How a factory turns generated values into an instance: its `construct` option, else
 * `new Model()` with the values assigned, else (plain-object factories) a plain object.
 * Values never carry `__proto__`, `constructor` or `prototype` (refused here too, as a last
 * guard): assigning `__proto__` would swap the instance's prototype.
 */
export function instantiatorFor<T>(factory: string, model: Constructor<T> | undefined, construct?: Instantiate<T>): Instantiate<T> {
  if (construct) return construct;
  if (!model) {
    return (values) => {
      refuseReservedKeys(factory, values, 'the values of an instance');
      return { ...values } as T;
    };
  }
  const Model = model as unknown as new () => T;
  return (values) => {
    refuseReservedKeys(factory, values, 'the values of an instance');
    let instance: T;
    try {
      instance = new Model();
    } catch (error) {
      throw ConfigurationException.constructorFailed(factory, nameOf(model), error);
    }
    return Object.assign(instance as object, values) as T;
  };
}
