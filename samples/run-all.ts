/** `npm run samples`: runs every sample and prints what it did. */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { main as betterSqlite } from './better-sqlite3-sync.js';
import { main as bothHandlers } from './both-handlers.js';
import { main as errorHandling } from './error-handling.js';
import { main as jsonAsync } from './json-file-async.js';
import { main as jsonSync } from './json-file-sync.js';
import { main as mikroOrmDemo } from './mikro-orm-demo.js';
import { quickStart } from './quick-start.js';
import { main as runtimeHandler } from './runtime-handler.js';

function rows(file: string): number {
  return (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length;
}

const sync = jsonSync();
console.log(`quick start: built ${quickStart.ada.name}, saved ${quickStart.users.rows.length} users in memory`);
console.log(`json-file-sync: ${rows(sync.file)} people in ${sync.file}`);
const async = await jsonAsync();
console.log(`json-file-async: ${rows(async.file)} people in ${async.file}`);
const both = await bothHandlers();
console.log(`both-handlers: ${rows(both.syncFile)} saved by the sync handler, ${rows(both.asyncFile)} by the async one`);
const runtime = runtimeHandler();
console.log(`runtime-handler: ${rows(runtime.defaultFile)} by the global default, ${rows(runtime.tenantFile)} by the factory's own`);
const errors = await errorHandling();
errors.messages.forEach((message) => console.log(`error-handling: ConfigurationException: ${message}`));
const sqlite = betterSqlite();
console.log(`better-sqlite3-sync: customers #${[sqlite.one, ...sqlite.many].map((c) => c.id).join(', #')} written synchronously`);
const demo = await mikroOrmDemo();
console.log(`mikro-orm-demo: ${demo.storedUsers.length} users and ${demo.storedBooks.length} books in ${demo.dbFile}`);
