// README "Bulk inserts": MikroOrmBulkPersistence writes users and their posts with multi-row INSERTs.
import 'reflect-metadata';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmBulkPersistence, Related } from 'fixtory';
import { openOrm } from '../support/db.js';

@Entity()
class Member {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToMany(() => Post, (post) => post.author) posts = new Collection<Post>(this);
}

@Entity()
class Post {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => Member) author!: Rel<Member>;
}

@Factory(Member)
class UserWithPostsFactory extends BaseFactory<Member> {
  @Related({ size: 3 }) posts!: unknown;
}

const db = await openOrm({ entities: [Member, Post] });
{
// README block
  expect(await db.orm.em.fork().count(Post)).to.equal(3_000);
}
await db.orm.close();
