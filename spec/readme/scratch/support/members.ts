/** Members with posts, and a factory that gives each member three: the README's bulk examples. */
import 'reflect-metadata';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { BaseFactory, Factory, Related } from 'fixtory';

@Entity()
export class Member {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToMany(() => Post, (post) => post.author) posts = new Collection<Post>(this);
}

@Entity()
export class Post {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => Member) author!: Rel<Member>;
}

@Factory(Member)
export class UserWithPostsFactory extends BaseFactory<Member> {
  @Related({ size: 3 }) posts!: unknown;
}
