/** Statements of a captured query log that start with `prefix` ('begin', 'insert into `book`', ...); identifier quotes of any database match. */
export function statements(queries: string[], prefix: string): string[] {
  const plain = (sql: string) => sql.toLowerCase().replace(/[`"]/g, '');
  return queries.filter((q) => plain(q).startsWith(plain(prefix)));
}
