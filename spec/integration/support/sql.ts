/** Statements of a captured query log that start with `prefix` ('begin', 'insert into `book`', ...). */
export function statements(queries: string[], prefix: string): string[] {
  return queries.filter((q) => q.toLowerCase().startsWith(prefix.toLowerCase()));
}
