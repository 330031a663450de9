import { ConfigurationException } from '../errors.js';
import type { CallSetup, HookInfo, HookPhase } from './call-setup.js';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function isAsyncFunction(fn: Function): boolean {
  return fn.constructor?.name === 'AsyncFunction';
}

/** Runs the hooks of a phase in a synchronous path: an async hook there is a ConfigurationException. */
export function runHooksSync(factory: string, method: string, setup: CallSetup, phase: HookPhase, instance: unknown, info: HookInfo): void {
  for (const hook of setup.hooks[phase]) {
    if (isAsyncFunction(hook)) throw ConfigurationException.asyncHookInSyncPath(factory, phase, method);
    const result = hook(instance, info);
    if (isPromiseLike(result)) {
      result.then(undefined, () => undefined);
      throw ConfigurationException.asyncHookInSyncPath(factory, phase, method);
    }
  }
}

/** Runs the hooks of a phase in an async path, one after another. */
export async function runHooksAsync(setup: CallSetup, phase: HookPhase, instance: unknown, info: HookInfo): Promise<void> {
  for (const hook of setup.hooks[phase]) await hook(instance, info);
}
