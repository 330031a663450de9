/** The module README "Parallel seeding" hands its workers: users with posts, through the bulk handler. */
import 'reflect-metadata';
import { BaseFactory, Factory, MikroOrmBulkPersistence, Persist, Related, Sequence } from 'fixtory';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';

@Entity()
export class Member {
  @PrimaryKey() id!: number;
  @Property({ type: 'integer' }) row!: number & Opt;
  @Property() @Unique() email!: string;
  @Property() name!: string;
  @OneToMany(() => Note, (note) => note.member) notes = new Collection<Note>(this);
}

@Entity()
export class Note {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => Member) member!: Rel<Member>;
}

export const parallelEntities = [Member, Note];

@Factory(Member)
@Persist(MikroOrmBulkPersistence)
export class ParallelUserFactory extends BaseFactory<Member> {
  @Sequence((n) => n) row!: number;
  @Related({ size: 2 }) notes!: unknown;
}
