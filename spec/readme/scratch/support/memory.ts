import { AsyncPersistenceProtocol, SyncPersistenceProtocol } from 'fixtory';

/** A sync handler that keeps what it saves. */
export class MemorySync<T> extends SyncPersistenceProtocol<T> {
  readonly rows: T[] = [];
  save(data: T): T {
    this.rows.push(data);
    return data;
  }
  saveMany(data: T[]): T[] {
    this.rows.push(...data);
    return data;
  }
}

/** An async handler that keeps what it saves. */
export class MemoryAsync<T> extends AsyncPersistenceProtocol<T> {
  readonly rows: T[] = [];
  async save(data: T): Promise<T> {
    this.rows.push(data);
    return data;
  }
  async saveMany(data: T[]): Promise<T[]> {
    this.rows.push(...data);
    return data;
  }
}
