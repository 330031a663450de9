/** MikroORM entities of the README's examples: authors, books, their publishers and tags. */
import 'fixtory';
import { Collection, Entity, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';

@Entity()
export class Publisher {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property() city!: string;
}

@Entity()
export class Tag {
  @PrimaryKey() id!: number;
  @Property() label!: string;
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
  @ManyToOne(() => Publisher, { nullable: true }) publisher?: Rel<Publisher> | null;
  @ManyToMany(() => Tag) tags = new Collection<Tag>(this);
}

export const libraryEntities = [Publisher, Tag, Author, Book];
