import 'reflect-metadata';
import { BaseFactory, type FactoryClass } from '../base-factory.js';
import { ParameterException, nameOf } from '../errors.js';
import { HandlerSource, type HandlerInput, type PersistOptions } from '../persistence/handler-source.js';
import { registry } from '../registry/registry.js';
import { checkClassDecoratorContext } from './decorator-mode.js';

/**
 * Gives a factory a persistence handler: an instance, a handler class (instantiated per create
 * call), or a zero-argument provider (resolved per create call). Use it twice for one sync and
 * one async handler.
 */
export function Persist<T extends object>(
  handler: HandlerInput<T>,
  options?: PersistOptions,
): (target: FactoryClass<BaseFactory<T>>, context?: ClassDecoratorContext<any>) => void {
  return (target, context) => {
    checkClassDecoratorContext('Persist', target, context);
    const name = nameOf(target);
    if (typeof target !== 'function' || !(target.prototype instanceof BaseFactory)) {
      throw ParameterException.decoratorTarget('Persist', name, 'a factory class (one that extends BaseFactory)');
    }
    registry.handlersOf(target).add(HandlerSource.from(name, `@Persist on ${name}`, handler, options), 'decorator');
  };
}
