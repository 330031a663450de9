import { ConfigurationException, ParameterException, nameOf } from '../errors.js';
import type { Overrides } from '../types.js';
import { readOverrides } from './arguments.js';
import { copyData } from './nested-overrides.js';

/** What a hook is told about the build it runs for. */
export interface HookInfo {
  /** The factory's name. */
  readonly factory: string;
  /** The traits applied, composed ones included, in order. */
  readonly traits: readonly string[];
  /** The transient parameters of the build, defaults included. */
  readonly transient: Readonly<Record<string, unknown>>;
  /** The position of the instance in its batch (0 for single builds). */
  readonly index: number;
}

export type Hook<T> = (instance: T, info: HookInfo) => void | Promise<void>;

export type HookPhase = 'afterBuild' | 'beforeCreate' | 'afterCreate';
export const hookPhases: readonly HookPhase[] = ['afterBuild', 'beforeCreate', 'afterCreate'];

/** A named partial definition of a factory: overrides, other traits it includes, hooks. */
export interface TraitDefinition<T = any> {
  overrides?: Overrides<T>;
  /** Traits this one includes, applied before it. */
  traits?: readonly string[];
  afterBuild?: Hook<T>;
  beforeCreate?: Hook<T>;
  afterCreate?: Hook<T>;
}

/** The `static traits` of a factory: `static traits = { admin: { overrides: { role: 'admin' } } } satisfies Traits<User>`. */
export type Traits<T> = Record<string, TraitDefinition<T>>;

/** What one build, batch or create call was asked for, resolved once for all its instances. */
export interface CallSetup {
  traits: string[];
  /** The traits' overrides, merged in order (the caller's overrides win over them). */
  overrides: Record<string, unknown>;
  transient: Record<string, unknown>;
  hooks: Record<HookPhase, Hook<unknown>[]>;
}

interface FactoryStatics {
  traits?: Record<string, TraitDefinition>;
  transient?: Record<string, unknown>;
  afterBuild?: Hook<unknown>;
  beforeCreate?: Hook<unknown>;
  afterCreate?: Hook<unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Traits in the order they apply: included traits before the trait, each once, where it last appears (later wins). */
function resolveTraits(factory: string, defined: Record<string, TraitDefinition>, names: readonly string[], method: string): string[] {
  const applied: string[] = [];
  const visit = (name: string, trail: string[]) => {
    if (!Object.hasOwn(defined, name)) throw ParameterException.unknownTrait(factory, method, name, Object.keys(defined));
    if (trail.includes(name)) throw ConfigurationException.traitCycle(factory, [...trail, name]);
    for (const included of defined[name]!.traits ?? []) visit(included, [...trail, name]);
    applied.push(name);
  };
  names.forEach((name) => visit(name, []));
  return applied.filter((name, index) => applied.lastIndexOf(name) === index);
}

/** Checks the options of a call and resolves traits, transient parameters and hooks. */
export function setupCall(factoryClass: Function | undefined, method: string, options: unknown): CallSetup {
  const factory = factoryClass ? nameOf(factoryClass) : 'an automatic factory';
  const statics = (factoryClass ?? {}) as FactoryStatics;
  if (options !== undefined && !isRecord(options)) throw ParameterException.invalidBuildOptions(factory, method, options);
  // Read once, as data: a getter or Proxy trap that throws is a ParameterException, not a stray error.
  const readOptions = options === undefined ? {} : readOverrides(factory, method, options, 'the build options');
  const { traits: requested = [], transient: unread = {}, ...unknown } = readOptions as { traits?: unknown; transient?: unknown };
  const unknownKeys = Object.keys(unknown);
  if (unknownKeys.length > 0) throw ParameterException.invalidBuildOptions(factory, method, options);
  if (!Array.isArray(requested) || requested.some((t) => typeof t !== 'string')) {
    throw ParameterException.invalidOption(`${factory}.${method}`, 'traits', 'an array of trait names', requested);
  }
  if (!isRecord(unread)) throw ParameterException.invalidOption(`${factory}.${method}`, 'transient', 'an object of transient parameters', unread);
  const given = readOverrides(factory, method, unread, 'the transient parameters');
  const defaults = statics.transient ?? {};
  const strange = Object.keys(given).filter((key) => !Object.hasOwn(defaults, key));
  if (strange.length > 0) throw ParameterException.unknownTransient(factory, method, strange, Object.keys(defaults));

  const defined = statics.traits ?? {};
  const traits = resolveTraits(factory, defined, requested as string[], method);
  const hooks = Object.fromEntries(hookPhases.map((phase) => [phase, [] as Hook<unknown>[]])) as Record<HookPhase, Hook<unknown>[]>;
  for (const phase of hookPhases) {
    const own = statics[phase];
    if (typeof own === 'function') hooks[phase].push(own.bind(factoryClass));
    for (const name of traits) {
      const hook = defined[name]![phase];
      if (typeof hook === 'function') hooks[phase].push(hook);
    }
  }
  // Each trait's overrides read on their own (a key such as '__proto__' from JSON.parse is refused, not merged away),
  // and their plain objects and arrays copied as data once, so copying them per instance cannot fail.
  const read = traits.map((name) => {
    const where = `the overrides of trait '${name}'`;
    const own = readOverrides(factory, method, defined[name]!.overrides ?? {}, where);
    try {
      return copyData(own);
    } catch (error) {
      throw ParameterException.unreadableOverrides(`${factory}.${method}`, where, error);
    }
  });
  const overrides = Object.assign({}, ...read) as Record<string, unknown>;
  return { traits, overrides, transient: { ...defaults, ...given }, hooks };
}
