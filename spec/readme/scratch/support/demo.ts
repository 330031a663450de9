/** The entities of the README's MikroORM demo (samples/demo-entities.ts): users, authors and their books. */
import 'fixtory';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';

@Entity()
export class User {
  @PrimaryKey() id!: number;
  @Property({ length: 100 }) name!: string;
  @Property() @Unique() email!: string;
  @Property() signedUpAt!: Date;
  @Property({ default: true }) active!: boolean & Opt;
}

@Entity()
export class Author {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToMany(() => Book, (book) => book.author) books = new Collection<Book>(this);
}

@Entity()
export class Book {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @Property({ length: 13 }) @Unique() isbn!: string;
  @ManyToOne(() => Author) author!: Rel<Author>;
}
