/**
 * Entities of the bulk graph-walk specs: a one-to-one held by its owner through a Reference, a
 * child with two foreign keys of different depths, an assigned key and an `onCreate` inside an
 * embeddable.
 */
import 'fixtory';
import { Collection, type Opt, type Ref } from '@mikro-orm/core';
import { Embeddable, Embedded, Entity, ManyToMany, ManyToOne, OneToMany, OneToOne, PrimaryKey, Property } from '../../../samples/mikro-orm-major.js';

@Entity()
export class GraphAccount {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
  /** The inverse side: the profile row holds the key. */
  @OneToOne(() => GraphProfile, (profile) => profile.account, { nullable: true }) profile?: GraphProfile | null;
  @OneToMany(() => GraphComment, (comment) => comment.author) comments = new Collection<GraphComment>(this);
}

@Entity()
export class GraphProfile {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) bio!: string;
  @OneToOne(() => GraphAccount, { owner: true, ref: true }) account!: Ref<GraphAccount>;
}

@Entity()
export class GraphThread {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) title!: string;
  @ManyToOne(() => GraphAccount) starter!: GraphAccount;
}

@Entity()
export class GraphTag {
  @PrimaryKey({ autoincrement: false }) code!: number;
  @Property({ length: 30 }) name!: string;
}

@Embeddable()
export class GraphStamp {
  @Property({ length: 20, onCreate: () => 'stamped' }) by!: string & Opt;
}

/** `thread` is declared before `author`: the deeper parent comes first. */
@Entity()
export class GraphComment {
  @PrimaryKey() id!: number;
  @ManyToOne(() => GraphThread) thread!: GraphThread;
  @ManyToOne(() => GraphAccount) author!: GraphAccount;
  @Property({ length: 40 }) body!: string;
  @Embedded(() => GraphStamp) stamp: GraphStamp & Opt = new GraphStamp();
  @ManyToMany(() => GraphTag) tags = new Collection<GraphTag>(this);
}

export const bulkGraphEntities = [GraphAccount, GraphProfile, GraphThread, GraphTag, GraphStamp, GraphComment];
