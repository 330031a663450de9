/**
 * A MikroORM 6 entity under ES decorators: MikroORM 6's decorators are legacy-only, so the entity
 * is defined with an EntitySchema; fixtory's ES field decorators declare the factory, and every
 * type comes from the ORM's metadata (no design:type, no @Field needed). Real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntitySchema, MikroORM } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, Sequence, forgetMikroOrms, useMikroOrm } from 'fixtory';
import { createSchema } from '../samples/mikro-orm-major.js';

class Shelf {
  id!: number;
  label!: string;
  capacity!: number;
  installedAt!: Date;
}

class Volume {
  id!: number;
  title!: string;
  shelf!: Shelf;
}

const ShelfSchema = new EntitySchema<Shelf>({
  class: Shelf,
  properties: {
    id: { type: 'number', primary: true },
    label: { type: 'string', length: 40 },
    capacity: { type: 'integer' },
    installedAt: { type: 'Date' },
  },
});

const VolumeSchema = new EntitySchema<Volume>({
  class: Volume,
  properties: {
    id: { type: 'number', primary: true },
    title: { type: 'string', length: 80 },
    shelf: { kind: 'm:1', entity: () => Shelf },
  },
});

@Factory(Shelf)
export class ShelfFactory extends BaseFactory<Shelf> {
  @Sequence((n) => `Shelf ${n}`) label!: string;
}

@Factory(Volume)
@Persist(new MikroOrmPersistence())
class VolumeFactory extends BaseFactory<Volume> {}

describe('a MikroORM entity under ES decorators', () => {
  let orm: MikroORM;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixtory-es-'));
    orm = await MikroORM.init({ dbName: join(dir, 'es.sqlite'), entities: [ShelfSchema, VolumeSchema], allowGlobalContext: true });
    await createSchema(orm);
    useMikroOrm(orm);
  });
  after(async () => {
    await orm.close(true);
    forgetMikroOrms();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates every field from the ORM metadata and writes the row and its parent', async () => {
    const volume = await VolumeFactory.createAsync();
    expect(volume).to.be.instanceOf(Volume);
    expect(volume.shelf).to.be.instanceOf(Shelf);
    const rows = await orm.em.fork().getConnection().execute<Record<string, unknown>[]>(
      'select v.title, s.label, s.capacity, s.installed_at from volume v join shelf s on s.id = v.shelf_id',
    );
    expect(rows).to.have.length(1);
    expect(rows[0]!['title']).to.be.a('string').and.not.equal('');
    expect(rows[0]!['label']).to.match(/^Shelf \d+$/);
    expect(rows[0]!['capacity']).to.be.a('number');
    expect(rows[0]!['installed_at']).to.not.equal(null);
  });
});
