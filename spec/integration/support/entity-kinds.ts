/**
 * The entity kinds a zero-declaration factory must handle: single-table inheritance (abstract root,
 * two levels), EntitySchema and defineEntity, readonly entities, polymorphic embeddables and custom
 * Types with and without initialisers. Kept apart from entities.ts: its own ORM uses only these.
 */
import 'fixtory';
import { randomUUID } from 'node:crypto';
import { Collection, EntitySchema, PrimaryKeyProp, Type, defineEntity, p, type Opt, type Rel } from '@mikro-orm/core';
import { Embeddable, Embedded, Entity, Enum, ManyToMany, ManyToOne, OneToOne, PrimaryKey, Property } from '../../../samples/mikro-orm-major.js';
import { Point, PointType } from './entities.js';

// --- single-table inheritance: Staff (abstract) <- Employee <- Manager, Staff <- Contractor ---

@Entity({ abstract: true, discriminatorColumn: 'role' })
export abstract class Staff {
  @PrimaryKey() id!: number;
  @Enum() role!: string & Opt;
  @Property({ length: 60 }) name!: string;
}

@Entity({ discriminatorValue: 'employee' })
export class Employee extends Staff {
  @Property() salary!: number;
}

@Entity({ discriminatorValue: 'manager' })
export class Manager extends Employee {
  @Property({ type: 'decimal', precision: 10, scale: 2 }) budget!: string;
  @Property() reports!: number;
}

@Entity({ discriminatorValue: 'contractor' })
export class Contractor extends Staff {
  @Property({ length: 40 }) agency!: string;
}

/** A concrete root: it is one of the classes its factory rotates through. */
@Entity({ discriminatorColumn: 'type', discriminatorValue: 'vehicle' })
export class Vehicle {
  @PrimaryKey() id!: number;
  @Property() type!: string & Opt;
  @Property({ length: 20 }) plate!: string;
}

@Entity({ discriminatorValue: 'truck' })
export class Truck extends Vehicle {
  @Property() payload!: number;
}

/** A required reference to the abstract root: its factory picks a concrete class. */
@Entity()
export class Badge {
  @PrimaryKey() id!: number;
  @Property({ length: 12 }) serial!: string;
  @ManyToOne(() => Staff) holder!: Rel<Staff>;
}

// --- EntitySchema with a class, and defineEntity (no class) ---

export class Gadget {
  id!: number;
  label!: string;
  weight!: number;
}

export const GadgetSchema = new EntitySchema<Gadget>({
  class: Gadget,
  properties: {
    id: { type: 'number', primary: true },
    label: { type: 'string', length: 40 },
    weight: { type: 'decimal', precision: 6, scale: 2, runtimeType: 'number' },
  },
});

export const Tool = defineEntity({
  name: 'Tool',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(50),
    price: p.decimal().precision(6).scale(2),
    note: p.text().nullable(),
    gadget: () => p.manyToOne(GadgetSchema),
  },
});

// --- readonly ---

@Entity({ readonly: true })
export class ExchangeRate {
  @PrimaryKey() id!: number;
  @Property({ length: 3 }) currency!: string;
  @Property({ type: 'double' }) rate!: number;
}

// --- polymorphic embeddables, in every mode ---

export enum PetKind {
  Cat = 'cat',
  Dog = 'dog',
}

@Embeddable({ abstract: true, discriminatorColumn: 'kind' })
export abstract class Pet {
  @Enum(() => PetKind) kind!: PetKind;
  @Property({ length: 30 }) petName!: string;
}

@Embeddable({ discriminatorValue: PetKind.Cat })
export class Cat extends Pet {
  @Property() lives!: number;
}

@Embeddable({ discriminatorValue: PetKind.Dog })
export class Dog extends Pet {
  @Property() goodBoy!: boolean;
}

@Entity()
export class PetOwner {
  @PrimaryKey() id!: number;
  @Embedded(() => [Cat, Dog]) pet!: Cat | Dog;
  @Embedded(() => [Cat, Dog], { object: true }) favourite!: Cat | Dog;
  @Embedded(() => [Cat, Dog], { array: true }) pets!: (Cat | Dog)[];
}

// --- custom Types ---

/** A JS value object over an integer column: derivable (42 -> Money(42) -> 42). */
export class Money {
  constructor(readonly cents: number) {}
}

export class MoneyType extends Type<Money, number> {
  override convertToDatabaseValue(value: Money): number {
    return value.cents;
  }
  override convertToJSValue(value: number): Money {
    return new Money(Number(value));
  }
  override getColumnType(): string {
    return 'integer';
  }
}

/** A uuid kept as a string the entity creates itself. */
export class TicketIdType extends Type<string, string> {
  override getColumnType(): string {
    return 'varchar(36)';
  }
  override convertToDatabaseValue(value: string): string {
    if (!/^[0-9a-f-]{36}$/.test(value)) throw new Error(`not a uuid: ${value}`);
    return value;
  }
}

/** A grid reference 'B7': parses its column, so arbitrary text cannot be derived; null-safe. */
export class GridRef {
  constructor(
    readonly column: string,
    readonly row: number,
  ) {}
}

export class GridRefType extends Type<GridRef | null, string | null> {
  override convertToDatabaseValue(value: GridRef | null): string | null {
    return value === null || value === undefined ? null : `${value.column}${value.row}`;
  }
  override convertToJSValue(value: string | null): GridRef | null {
    if (value === null || value === undefined) return null;
    const match = /^([A-Z])(\d+)$/.exec(value);
    if (!match) throw new Error(`not a grid reference: ${value}`);
    return new GridRef(match[1]!, Number(match[2]));
  }
  override getColumnType(): string {
    return 'varchar(4)';
  }
}

/** A string-literal union: TypeScript leaves no runtime values for MikroORM to list. */
export type Flavour = 'sweet' | 'sour';

@Entity()
export class Ticket {
  @PrimaryKey({ type: TicketIdType }) id: string = randomUUID();
  @Property({ type: MoneyType }) price!: Money;
  @Property({ type: PointType }) seat: Point = new Point(1, 2);
  @Property({ type: GridRefType, nullable: true }) gate?: GridRef | null;
  @Enum({ type: 'string', nullable: true }) flavour?: Flavour | null;
}

/** Its constructor sets the custom-typed value: the value stands. */
@Entity()
export class Poster {
  @PrimaryKey() id!: number;
  @Property({ type: PointType }) corner: Point;

  constructor() {
    this.corner = new Point(3, 4);
  }
}

// --- keys and columns that keep working: composite keys, a pivot entity, one-to-one as primary key, generated columns, embeddable relations ---

@Entity()
export class Student {
  @PrimaryKey() id!: number;
  @Property({ length: 50 }) name!: string;
}

@Entity()
export class Course {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) title!: string;
  @ManyToMany({ entity: () => Student, pivotEntity: () => Enrollment }) students = new Collection<Student>(this);
}

/** A pivot entity with a composite primary key of two references, and a column of its own. */
@Entity()
export class Enrollment {
  @ManyToOne(() => Course, { primary: true }) course!: Rel<Course>;
  @ManyToOne(() => Student, { primary: true }) student!: Rel<Student>;
  @Property({ type: 'smallint' }) grade!: number;
  [PrimaryKeyProp]?: ['course', 'student'];
}

@Entity()
export class Account {
  @PrimaryKey() id!: number;
  @Property({ length: 30 }) login!: string;
}

/** Its primary key is its one-to-one reference. */
@Entity()
export class AccountSettings {
  @OneToOne(() => Account, { primary: true }) account!: Rel<Account>;
  @Property({ length: 10 }) theme!: string;
}

@Embeddable()
export class Shipping {
  @Property({ length: 20 }) method!: string;
  @ManyToOne(() => Account) courier!: Rel<Account>;
}

@Entity()
export class Parcel {
  @PrimaryKey() id!: number;
  @Property() weight!: number;
  @Property({ type: 'integer', generated: '(weight * 2) stored' }) doubled!: number & Opt;
  @Embedded(() => Shipping) shipping!: Shipping;
}

export const entityKinds = [
  Staff, Employee, Manager, Contractor, Badge, Vehicle, Truck, GadgetSchema, Tool, ExchangeRate, Pet, Cat, Dog, PetOwner, Ticket, Poster,
  Student, Course, Enrollment, Account, AccountSettings, Shipping, Parcel,
];
