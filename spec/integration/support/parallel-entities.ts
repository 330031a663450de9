/** The entities of the parallel seeding specs (the spec makes the schema from them; only workers import the factories). */
import 'reflect-metadata';
import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '../../../samples/mikro-orm-major.js';

@Entity()
export class ParallelUser {
  @PrimaryKey() id!: number;
  @Property() @Unique() ref!: string;
  @Property({ type: 'integer' }) row!: number & Opt;
  @Property() @Unique() email!: string;
  @Property({ length: 40 }) @Unique() nickname!: string;
  @Property() name!: string;
  @Property() createdAt!: Date;
  @OneToMany(() => ParallelPost, (post) => post.author) posts = new Collection<ParallelPost>(this);
}

@Entity()
export class ParallelPost {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @Property() @Unique() slug!: string;
  @Property({ length: 40 }) @Unique() label!: string;
  @ManyToOne(() => ParallelUser) author!: Rel<ParallelUser>;
}

export const parallelEntities = [ParallelUser, ParallelPost];
