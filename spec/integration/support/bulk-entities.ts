/**
 * Entities of the bulk-insert specs: a user with unique e-mail, an `onCreate` column and an
 * embeddable, posts that belong to a user, and a many-to-many the bulk path must refuse.
 */
import 'fixtory';
import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Embeddable, Embedded, Entity, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '../../../samples/mikro-orm-major.js';

@Embeddable()
export class BulkAddress {
  @Property({ length: 60 }) street!: string;
  @Property({ length: 40 }) city!: string;
}

@Entity()
export class BulkUser {
  @PrimaryKey() id!: number;
  @Property({ length: 80 }) name!: string;
  @Property({ length: 120 }) @Unique() email!: string;
  @Embedded(() => BulkAddress) address!: BulkAddress;
  @Property({ onCreate: () => new Date('2001-01-01T00:00:00.000Z') }) joinedAt!: Date & Opt;
  @OneToMany(() => BulkPost, (post) => post.author) posts = new Collection<BulkPost>(this);
}

@Entity()
export class BulkPost {
  @PrimaryKey() id!: number;
  @Property({ length: 120 }) title!: string;
  @ManyToOne(() => BulkUser) author!: Rel<BulkUser>;
  @ManyToMany(() => BulkLabel) labels = new Collection<BulkLabel>(this);
}

@Entity()
export class BulkLabel {
  @PrimaryKey() id!: number;
  @Property({ length: 30 }) name!: string;
}

/** A linked list: two new nodes pointing at each other form a cycle a bulk insert cannot order. */
@Entity()
export class BulkNode {
  @PrimaryKey() id!: number;
  @Property({ length: 30 }) name!: string;
  @ManyToOne(() => BulkNode, { nullable: true }) next?: Rel<BulkNode> | null;
}

export const bulkEntities = [BulkAddress, BulkUser, BulkPost, BulkLabel, BulkNode];
