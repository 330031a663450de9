import { ConfigurationException } from '../errors.js';
import type { GenerationContext, ValueGenerator } from './design-type.js';

/** What a unique field's values look like, which decides how they are kept distinct. */
export type UniqueShape = 'string' | 'integer' | 'other';

interface UniqueState {
  count: number;
  seen?: Set<unknown>;
  offset?: number;
}

const states = new Map<string, UniqueState>();
const maxAttempts = 100;

function stateOf(key: string): UniqueState {
  let state = states.get(key);
  if (!state) states.set(key, (state = { count: 0 }));
  return state;
}

/** Forgets the values produced so far: of every field of `owner` (a model or factory name), or of all. */
export function resetUniqueValues(owner?: string): void {
  if (owner === undefined) states.clear();
  else for (const key of [...states.keys()]) if (key.startsWith(`${owner}.`)) states.delete(key);
}

/** Makes a string distinct by a counter suffix, placed before the domain of an email, within `maxLength`. */
function distinctString(value: string, count: number, maxLength: number | undefined): string | undefined {
  const suffix = `.${count.toString(36)}`;
  const at = value.indexOf('@');
  const [head, tail] = at > 0 ? [value.slice(0, at), value.slice(at)] : [value, ''];
  const room = (maxLength ?? Number.POSITIVE_INFINITY) - suffix.length - tail.length;
  if (room < 1) {
    // Too short for the value and a suffix: the counter alone, while it fits.
    const bare = count.toString(36);
    return maxLength !== undefined && bare.length <= maxLength ? bare : undefined;
  }
  return `${head.slice(0, room)}${suffix}${tail}`;
}

/**
 * Wraps a generator so that its values never repeat for one factory's field (`key`, `Factory.field`)
 * in this process: strings get a counter suffix (so they stay readable and within `maxLength`);
 * integers keep the generator's value while it is new, else count up from a random offset below
 * `maxInteger`; other values are redrawn until new. `label` (Model.field) names it in messages.
 */
export function uniqueGenerator(
  factory: string,
  key: string,
  label: string,
  generate: ValueGenerator,
  shape: UniqueShape,
  limits: { maxLength?: number; maxInteger?: number } = {},
): ValueGenerator {
  return (ctx: GenerationContext) => {
    const state = stateOf(key);
    if (shape === 'string') {
      const value = distinctString(String(generate(ctx)), state.count, limits.maxLength);
      if (value === undefined) throw ConfigurationException.uniqueExhausted(factory, label, state.count);
      state.count += 1;
      return value;
    }
    if (shape === 'integer') {
      const max = limits.maxInteger ?? Number.MAX_SAFE_INTEGER;
      state.seen ??= new Set();
      let value = generate(ctx);
      while (state.seen.has(value)) {
        state.offset ??= ctx.faker.number.int({ min: 1, max: Math.max(1, Math.floor(max / 2)) });
        value = state.offset + state.count++;
        if ((value as number) > max) throw ConfigurationException.uniqueExhausted(factory, label, state.seen.size);
      }
      state.seen.add(value);
      return value;
    }
    state.seen ??= new Set();
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const value = generate(ctx);
      const identity = value instanceof Date ? value.getTime() : typeof value === 'object' ? JSON.stringify(value) : value;
      if (!state.seen.has(identity)) {
        state.seen.add(identity);
        state.count += 1;
        return value;
      }
    }
    throw ConfigurationException.uniqueExhausted(factory, label, state.count);
  };
}
