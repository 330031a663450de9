import { ConfigurationException, HookException } from '../errors.js';
import type { CallSetup, HookInfo, HookPhase } from './call-setup.js';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** The method name hooks of nested instances run under. */
export const nestedBuild = 'build (nested)';

function isAsyncFunction(fn: Function): boolean {
  return fn.constructor?.name === 'AsyncFunction';
}

/** Refuses, before anything is built or saved, the hooks declared async that a synchronous call would meet. */
export function refuseAsyncHooks(factory: string, method: string, setup: CallSetup, phases: readonly HookPhase[]): void {
  for (const phase of phases) {
    if (setup.hooks[phase].some(isAsyncFunction)) throw ConfigurationException.asyncHookInSyncPath(factory, phase, method);
  }
}

/** Runs the hooks of a phase in a synchronous path: an async hook there is a ConfigurationException. */
export function runHooksSync(factory: string, method: string, setup: CallSetup, phase: HookPhase, instance: unknown, info: HookInfo): void {
  for (const hook of setup.hooks[phase]) {
    const refuse = () =>
      method === nestedBuild ? ConfigurationException.asyncHookInNestedBuild(factory, phase) : ConfigurationException.asyncHookInSyncPath(factory, phase, method);
    if (isAsyncFunction(hook)) throw refuse();
    let result: unknown;
    try {
      result = hook(instance, info);
    } catch (error) {
      throw HookException.failed(factory, phase, info.index, error);
    }
    if (isPromiseLike(result)) {
      result.then(undefined, () => undefined);
      throw refuse();
    }
  }
}

/** Runs the hooks of a phase in an async path, one after another; a hook's error becomes a HookException. */
export async function runHooksAsync(setup: CallSetup, phase: HookPhase, instance: unknown, info: HookInfo): Promise<void> {
  for (const hook of setup.hooks[phase]) {
    try {
      await hook(instance, info);
    } catch (error) {
      throw HookException.failed(info.factory, phase, info.index, error);
    }
  }
}
