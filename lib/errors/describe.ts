/** How error messages name things: factories, models, fields and any value a caller may pass. */

/** What a message calls a factory or model: its class name, or a fallback for anonymous ones. */
export function nameOf(target: unknown): string {
  if (typeof target === 'function' && target.name) return target.name;
  if (typeof target === 'function') return '<anonymous class>';
  return typeof target === 'string' ? target : describe(target);
}

export function describe(value: unknown): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'function') return `a function (${value.name || 'anonymous'})`;
    if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
    if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
    return `${typeof value} ${String(value)}`;
  } catch {
    return `${typeof value} (that cannot be inspected)`; // a Proxy whose traps throw, for one
  }
}

/** What went wrong, as text, for anything a handler or hook may throw: never throws itself. */
export function reasonOf(cause: unknown): string {
  try {
    if (cause instanceof Error) return cause.message;
    if (typeof cause === 'string') return cause;
    const message = (cause as { message?: unknown } | null | undefined)?.message;
    if (typeof message === 'string') return message;
  } catch {
    // fall through: describe it instead
  }
  return `it threw ${describe(cause)}, not an Error`;
}

export const reservedKeys = '__proto__, constructor and prototype';

/** `Model.field` for a class model, `field 'name'` for a plain-object factory. */
export function qualify(model: string | undefined, field: string): string {
  return model ? `${model}.${field}` : `field '${field}'`;
}

