import { AsyncPersistenceProtocol, SyncPersistenceProtocol } from 'fixtory';

/** A sync handler that keeps what it saves and counts its calls. */
export class MemorySync<T> extends SyncPersistenceProtocol<T> {
  readonly rows: T[] = [];
  readonly calls: string[] = [];
  save(data: T): T {
    this.calls.push('save');
    this.rows.push(data);
    return data;
  }
  saveMany(data: T[]): T[] {
    this.calls.push(`saveMany(${data.length})`);
    this.rows.push(...data);
    return data;
  }
}

/** An async handler that keeps what it saves and counts its calls. */
export class MemoryAsync<T> extends AsyncPersistenceProtocol<T> {
  readonly rows: T[] = [];
  readonly calls: string[] = [];
  async save(data: T): Promise<T> {
    this.calls.push('save');
    this.rows.push(data);
    return data;
  }
  async saveMany(data: T[]): Promise<T[]> {
    this.calls.push(`saveMany(${data.length})`);
    this.rows.push(...data);
    return data;
  }
}
