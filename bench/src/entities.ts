import 'reflect-metadata';
import { Field } from '../../dist/lib/index.js';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, type Rel } from '@mikro-orm/core';

/** The users and posts every case writes (tables bench_user, bench_post). */
@Entity()
export class BenchUser {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property() email!: string;
  @Property({ type: 'text' }) bio!: string;
  @OneToMany(() => BenchPost, (post) => post.author) posts = new Collection<BenchPost>(this);
}

@Entity()
export class BenchPost {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => BenchUser) author!: Rel<BenchUser>;
}

/** The same columns as a plain class, for the plain-object build cases. */
export class PlainUser {
  @Field() name!: string;
  @Field() email!: string;
  @Field() bio!: string;
}
