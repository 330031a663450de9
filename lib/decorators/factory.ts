import 'reflect-metadata';
import '../inspect/decorated-properties.js';
import { BaseFactory, type FactoryClass, type FactoryHooks } from '../base-factory.js';
import { ConfigurationException, ParameterException, nameOf } from '../errors.js';
import { validateFactoryOptions, type FactoryOptions } from '../registry/factory-options.js';
import { registry } from '../registry/registry.js';
import { resolveModel } from '../inspect/model-adapter.js';
import type { Constructor, ModelSource } from '../types.js';
import { checkClassDecoratorContext } from './decorator-mode.js';

/** A class decorator (legacy or ES) that only accepts factories of model T, whose static hooks take a T. */
export type FactoryDecorator<T extends object> = (target: FactoryClass<BaseFactory<T>> & FactoryHooks<T>, context?: ClassDecoratorContext<any>) => void;

/**
 * Registers a factory class in the central registry. `@Factory(Model, options?)` builds instances
 * of a class; `@Factory()` (or `@Factory(undefined, options)`) builds plain objects from the fields
 * declared on the factory, for interfaces and object types. A MikroORM entity may also be given by
 * its `EntitySchema` (or `defineEntity` result) or its entity name.
 */
export function Factory<T extends object>(source?: ModelSource<T>, options?: FactoryOptions<T>): FactoryDecorator<T> {
  const model = modelOf(source);
  return (target, context) => {
    checkClassDecoratorContext('Factory', target, context);
    const name = nameOf(target);
    if (typeof target !== 'function' || !(target.prototype instanceof BaseFactory)) {
      throw ConfigurationException.notAFactoryClass(name);
    }
    const checked = validateFactoryOptions(name, options);
    registry.register({ factory: target as Constructor, model, options: checked });
  };
}

/** The class a model argument stands for: a class as it is, a schema or an entity name through a model adapter. */
function modelOf<T>(source: ModelSource<T> | undefined): Constructor<T> | undefined {
  if (source === undefined || typeof source === 'function') return source as Constructor<T> | undefined;
  const resolved = resolveModel(source);
  if (resolved) return resolved as Constructor<T>;
  if (typeof source === 'string' && source !== '') throw ConfigurationException.unknownEntityName('Factory', source);
  throw ParameterException.decoratorArgument(
    'Factory',
    'a factory class',
    'a model class, a MikroORM EntitySchema or entity name, or nothing for plain objects',
    source,
  );
}
