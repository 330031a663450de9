import type { TestDatabase } from './orm.js';

/** What the database itself says about a column, read from its catalogue. */
export interface ColumnFacts {
  name: string;
  nullable: boolean;
  /** The column's type as the database names it ('character varying(12)', 'int(10) unsigned', 'text'). */
  type: string;
}

/** The columns of a table, from pragma table_info (SQLite) or information_schema (PostgreSQL, MariaDB). */
export async function columnsOf(db: TestDatabase, table: string): Promise<ColumnFacts[]> {
  if (db.database === 'sqlite') {
    const rows = await db.sql<{ name: string; notnull: number; type: string }>(`pragma table_info(${table})`);
    return rows.map((r) => ({ name: r.name, nullable: r.notnull === 0, type: r.type.toLowerCase() }));
  }
  const schema = db.database === 'postgresql' ? 'current_schema()' : 'database()';
  const type = db.database === 'postgresql' ? 'format_type(a.atttypid, a.atttypmod)' : 'c.column_type';
  const from =
    db.database === 'postgresql'
      ? `information_schema.columns c join pg_attribute a on a.attrelid = (c.table_schema || '.' || c.table_name)::regclass and a.attname = c.column_name`
      : 'information_schema.columns c';
  const rows = await db.sql<{ name: string; nullable: string; type: string }>(
    `select c.column_name as name, c.is_nullable as nullable, ${type} as type from ${from} where c.table_schema = ${schema} and c.table_name = ? order by c.ordinal_position`,
    [table],
  );
  return rows.map((r) => ({ name: r.name, nullable: r.nullable === 'YES', type: String(r.type).toLowerCase() }));
}

/** The NOT NULL columns of a table. */
export async function requiredColumns(db: TestDatabase, table: string): Promise<string[]> {
  return (await columnsOf(db, table)).filter((c) => !c.nullable).map((c) => c.name);
}

/** The SQL for the length in characters of an expression (MariaDB's length() counts bytes). */
export function charLength(db: TestDatabase, expression: string): string {
  return db.database === 'mariadb' ? `char_length(${expression})` : `length(${expression})`;
}
