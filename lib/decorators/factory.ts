import 'reflect-metadata';
import '../inspect/decorated-properties.js';
import { BaseFactory, type FactoryClass, type FactoryHooks } from '../base-factory.js';
import { ConfigurationException, ParameterException, nameOf } from '../errors.js';
import { validateFactoryOptions, type FactoryOptions } from '../registry/factory-options.js';
import { registry } from '../registry/registry.js';
import type { Constructor } from '../types.js';
import { checkClassDecoratorContext } from './decorator-mode.js';

/** A class decorator (legacy or ES) that only accepts factories of model T, whose static hooks take a T. */
export type FactoryDecorator<T extends object> = (target: FactoryClass<BaseFactory<T>> & FactoryHooks<T>, context?: ClassDecoratorContext<any>) => void;

/**
 * Registers a factory class in the central registry. `@Factory(Model, options?)` builds instances
 * of a class; `@Factory()` (or `@Factory(undefined, options)`) builds plain objects from the fields
 * declared on the factory, for interfaces and object types.
 */
export function Factory<T extends object>(model?: Constructor<T>, options?: FactoryOptions<T>): FactoryDecorator<T> {
  if (model !== undefined && typeof model !== 'function') {
    throw ParameterException.decoratorArgument('Factory', 'a factory class', 'a model class, or nothing for plain objects', model);
  }
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
