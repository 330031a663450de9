/**
 * The values of a TypeScript enum object or a list. Numeric enums also map each value back to its
 * name (`Role[0] === 'Admin'`); those reverse entries are not values.
 */
export function enumValues(source: object | readonly unknown[]): unknown[] {
  if (Array.isArray(source)) return [...source];
  const record = source as Record<string, unknown>;
  return Object.entries(record)
    .filter(([key, value]) => !(typeof value === 'string' && typeof record[value] === 'number' && String(record[value]) === key))
    .map(([, value]) => value);
}
