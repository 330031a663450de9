/**
 * The integration test model: every property kind and relation kind fixtory generates for MikroORM
 * on SQLite. All entities live in one module so their mutual references need no circular imports.
 */
import 'fixtory';
import { realismEntities } from './realism-entities.js';
import { Collection, Type, types, type Opt, type Rel } from '@mikro-orm/core';
import { Embeddable, Embedded, Entity, Enum, Formula, ManyToMany, ManyToOne, OneToMany, OneToOne, PrimaryKey, Property, Unique } from '../../../samples/mikro-orm-major.js';

export enum Genre {
  Fiction = 'fiction',
  Poetry = 'poetry',
  Essay = 'essay',
}

export enum Level {
  Low,
  Mid,
  High,
}

@Embeddable()
export class Address {
  @Property({ length: 60 }) street!: string;
  @Property({ nullable: true }) city?: string | null;
}

/** One entity with every scalar kind, embeddables and ORM-managed columns. */
@Entity()
export class KitchenSink {
  @PrimaryKey() id!: number;
  @Property({ length: 20 }) @Unique() code!: string;
  @Property() @Unique() email!: string;
  @Property({ columnType: 'varchar(12)' }) shortName!: string;
  @Property({ type: 'character', length: 3 }) initials!: string;
  @Property({ type: 'text' }) body!: string;
  @Property({ nullable: true }) nickname?: string | null;
  @Property({ type: types.tinyint }) tiny!: number;
  @Property({ type: types.smallint }) small!: number;
  @Property() count!: number;
  @Property({ type: 'float' }) ratio!: number;
  @Property({ type: types.double }) score!: number;
  @Property({ type: types.decimal, precision: 8, scale: 2 }) price!: string;
  @Property({ type: types.bigint }) big!: string;
  @Property({ type: new types.bigint('bigint') }) bigNative!: bigint;
  @Property() flag!: boolean;
  @Property() at!: Date;
  @Property({ type: types.date }) day!: string;
  @Property({ type: types.time }) clock!: string;
  @Property({ type: types.uuid }) uid!: string;
  @Property({ type: types.json }) meta!: Record<string, unknown>;
  @Property({ type: types.json }) keywords!: string[];
  @Enum(() => Genre) genre!: Genre;
  @Enum(() => Level) level!: Level;
  @Enum({ items: () => Level, nullable: true }) priority?: Level | null;
  @Enum({ items: () => Genre, array: true }) genres!: Genre[];
  @Property({ type: types.array }) labels!: string[];
  @Property({ type: types.blob }) blob!: Buffer;
  @Property({ type: types.uint8array }) bytes!: Uint8Array;
  @Embedded(() => Address) address!: Address;
  @Embedded(() => Address, { nullable: true }) secondAddress?: Address | null;
  @Embedded(() => Address, { array: true }) pastAddresses: Address[] & Opt = [];
  @Property({ version: true }) version!: number & Opt;
  @Formula((alias) => `${alias}.count + 1`) countPlusOne?: number & Opt;
  @Property({ persist: false }) transient?: string;
  @Property({ default: 5 }) withDefault!: number & Opt;
  @Property({ onCreate: () => new Date('2001-01-01T00:00:00.000Z') }) createdAt!: Date & Opt;
}

/** A base class of entities: its properties are inherited. */
export abstract class Timestamped {
  @PrimaryKey() id!: number;
  @Property() createdAt!: Date;
}

@Entity()
export class Note extends Timestamped {
  @Property() text!: string;
}

@Entity()
export class Publisher {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToMany(() => Book, (book) => book.publisher) books = new Collection<Book>(this);
}

@Entity()
export class Author {
  @PrimaryKey() id!: number;
  @Property({ length: 80 }) name!: string;
  @Property() @Unique() email!: string;
  @OneToMany(() => Book, (book) => book.author) books = new Collection<Book>(this);
}

@Entity()
export class Tag {
  @PrimaryKey({ type: types.uuid }) id!: string;
  @Property({ length: 30 }) @Unique() label!: string;
  @ManyToMany(() => Book, (book) => book.tags) books = new Collection<Book>(this);
}

@Entity()
export class Book {
  @PrimaryKey() id!: number;
  @Property() title!: string;
  @ManyToOne(() => Author) author!: Rel<Author>;
  @ManyToOne(() => Publisher, { nullable: true }) publisher?: Rel<Publisher> | null;
  @ManyToMany(() => Tag) tags = new Collection<Tag>(this);

  constructor(title: string) {
    this.title = `${title}`;
  }
}

@Entity()
export class Passport {
  @PrimaryKey() id!: number;
  @Property({ length: 9 }) @Unique() number!: string;
  @OneToOne(() => Citizen, (citizen) => citizen.passport) citizen?: Rel<Citizen>;
}

@Entity()
export class Citizen {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @OneToOne(() => Passport, (passport) => passport.citizen, { owner: true }) passport!: Rel<Passport>;
}

@Entity()
export class Category {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @ManyToOne(() => Category, { nullable: true }) parent?: Rel<Category> | null;
  @OneToMany(() => Category, (category) => category.parent) children = new Collection<Category>(this);
}

@Entity()
@Unique({ properties: ['row', 'number'] })
export class Seat {
  @PrimaryKey() id!: number;
  @Property({ length: 2 }) row!: string;
  @Property({ type: types.smallint }) number!: number;
}

@Entity()
@Unique({ properties: ['code'] })
export class Coupon {
  @PrimaryKey() id!: number;
  @Property({ length: 6 }) code!: string;
}

/** A required cycle: a Chicken needs an Egg that needs a Chicken. */
@Entity()
export class Chicken {
  @PrimaryKey() id!: number;
  @ManyToOne(() => Egg) egg!: Rel<Egg>;
}

@Entity()
export class Egg {
  @PrimaryKey() id!: number;
  @ManyToOne(() => Chicken) chicken!: Rel<Chicken>;
}

/** A loop through an optional relation: a Profile may have an avatar Image, which needs its uploader. */
@Entity()
export class Profile {
  @PrimaryKey() id!: number;
  @Property() handle!: string;
  @ManyToOne(() => Image, { nullable: true }) avatar?: Rel<Image> | null;
}

@Entity()
export class Image {
  @PrimaryKey() id!: number;
  @Property() url!: string;
  @ManyToOne(() => Profile) uploadedBy!: Rel<Profile>;
}

export class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

export class PointType extends Type<Point, string> {
  override convertToDatabaseValue(value: Point): string {
    return `${value.x},${value.y}`;
  }
  override convertToJSValue(value: string): Point {
    const [x, y] = value.split(',').map(Number);
    return new Point(x!, y!);
  }
  override getColumnType(): string {
    return 'text';
  }
}

@Entity()
export class Place {
  @PrimaryKey() id!: number;
  @Property() name!: string;
  @Property({ type: PointType }) location!: Point;
}

export const allEntities = [KitchenSink, Address, Note, Publisher, Author, Tag, Book, Passport, Citizen, Category, Seat, Coupon, Chicken, Egg, Profile, Image, Place, ...realismEntities];
