/**
 * The column-type model: per database, one entity with a property for each column type MikroORM
 * maps there (its own types and the database's types declared through `columnType`), plus a
 * required many-to-one, so a zero-declaration factory is tried on every type each database has.
 */
import 'fixtory';
import { ArrayType, types, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '../../../samples/mikro-orm-major.js';
import type { DatabaseName } from './databases.js';

export enum Mood {
  Calm = 'calm',
  Busy = 'busy',
  Tired = 'tired',
}

/** The target of each model's required foreign key. */
@Entity({ tableName: 'column_owner' })
export class ColumnOwner {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
}

/** Column types every database has, declared the way users declare them. */
@Entity({ tableName: 'portable_columns' })
export class PortableColumns {
  @PrimaryKey({ type: types.uuid }) id!: string;
  @ManyToOne(() => ColumnOwner) owner!: Rel<ColumnOwner>;
  @Property({ columnType: 'character(5)' }) fixed!: string;
  @Property({ type: types.character, length: 2 }) pair!: string;
  @Property({ columnType: 'varchar(7)' }) short!: string;
  @Property({ columnType: 'numeric(6,2)' }) price!: string;
  @Property({ type: types.decimal, precision: 5, scale: 3 }) rate!: string;
  @Property({ type: types.decimal, precision: 4, scale: 0 }) whole!: string;
  @Property({ columnType: 'numeric(2,2)' }) fraction!: string;
  @Property({ columnType: 'numeric(6,2)', type: types.double }) amount!: number;
  @Property({ type: types.smallint }) small!: number;
  @Property({ type: types.integer }) count!: number;
  @Property({ type: types.bigint }) big!: string;
  @Property({ type: types.float }) ratio!: number;
  @Property({ type: types.double }) score!: number;
  @Property({ type: types.boolean }) flag!: boolean;
  @Property({ type: types.datetime }) at!: Date;
  @Property({ type: types.date }) day!: string;
  @Property({ type: types.time }) clock!: string;
  @Property({ type: types.json }) meta!: Record<string, unknown>;
  @Property({ type: types.blob }) blob!: Buffer;
  @Enum(() => Mood) mood!: Mood;
}

@Entity({ tableName: 'postgresql_columns' })
export class PostgresqlColumns {
  @PrimaryKey({ type: types.uuid }) id!: string;
  @ManyToOne(() => ColumnOwner) owner!: Rel<ColumnOwner>;
  @Property({ columnType: 'int[]', type: new ArrayType((i) => Number(i)) }) ints!: number[];
  @Property({ columnType: 'smallint[]', type: new ArrayType((i) => Number(i)) }) smalls!: number[];
  @Property({ columnType: 'double precision[]', type: new ArrayType((i) => Number(i)) }) doubles!: number[];
  @Property({ columnType: 'numeric(5,2)[]', type: ArrayType }) prices!: string[];
  @Property({ columnType: 'text[]', type: ArrayType }) words!: string[];
  @Property({ columnType: 'uuid[]', type: ArrayType }) uids!: string[];
  @Property({ columnType: 'inet' }) ip!: string;
  @Property({ columnType: 'cidr' }) network!: string;
  @Property({ columnType: 'macaddr' }) mac!: string;
  @Property({ columnType: 'macaddr8' }) mac8!: string;
  @Property({ columnType: 'point' }) point!: string;
  @Property({ columnType: 'line' }) line!: string;
  @Property({ columnType: 'lseg' }) segment!: string;
  @Property({ columnType: 'box' }) box!: string;
  @Property({ columnType: 'path' }) path!: string;
  @Property({ columnType: 'polygon' }) polygon!: string;
  @Property({ columnType: 'circle' }) circle!: string;
  @Property({ columnType: 'money' }) money!: string;
  @Property({ columnType: 'bit(8)' }) bits!: string;
  @Property({ columnType: 'bit varying(12)' }) varbits!: string;
  @Property({ columnType: 'tsvector' }) search!: string;
  @Property({ type: types.interval }) interval!: string;
  @Property({ type: types.json }) doc!: Record<string, unknown>;
  @Property({ columnType: 'json', type: types.json }) plainJson!: Record<string, unknown>;
  @Enum({ items: () => Mood, nativeEnumName: 'mood' }) mood!: Mood;
  @Enum({ items: () => Mood, nativeEnumName: 'mood', array: true }) moods!: Mood[];
  @Enum({ items: () => Mood, array: true }) moodTexts!: Mood[];
  @Property({ columnType: 'citext' }) handle!: string;
  @Property({ columnType: 'xml' }) xml!: string;
  @Property({ type: types.blob }) bytes!: Buffer;
  @Property({ type: types.datetime }) at!: Date;
  @Property({ columnType: 'timestamp(0)', type: types.datetime }) localAt!: Date;
  @Property({ columnType: 'timestamptz(3)', type: types.datetime }) preciseAt!: Date;
  @Property({ columnType: 'numeric(6,2)' }) price!: string;
  @Property({ columnType: 'numeric' }) unbounded!: string;
  @Property({ columnType: 'character(5)' }) fixed!: string;
  @Property({ columnType: 'real' }) real!: number;
  @Property({ columnType: 'int8' }) int8!: string;
  @Property({ columnType: 'time(0)', type: types.time }) clock!: string;
  @Property({ columnType: 'timetz' }) clockTz!: string;
}

@Entity({ tableName: 'mariadb_columns' })
export class MariadbColumns {
  @PrimaryKey({ type: types.uuid }) id!: string;
  @ManyToOne(() => ColumnOwner) owner!: Rel<ColumnOwner>;
  @Property({ type: types.boolean }) flag!: boolean;
  @Property({ columnType: 'tinyint(1)' }) tinyFlag!: boolean;
  @Enum(() => Mood) mood!: Mood;
  @Property({ columnType: "enum('red','green','blue')" }) colour!: string;
  @Property({ columnType: "set('read','write','admin')" }) rights!: string;
  @Property({ columnType: 'year' }) year!: number;
  @Property({ columnType: 'mediumtext' }) body!: string;
  @Property({ type: types.json }) doc!: Record<string, unknown>;
  @Property({ columnType: 'binary(16)' }) key!: Buffer;
  @Property({ columnType: 'varbinary(8)' }) token!: Buffer;
  @Property({ type: types.integer, unsigned: true }) count!: number;
  @Property({ type: types.tinyint, unsigned: true }) tiny!: number;
  @Property({ type: types.smallint, unsigned: true }) small!: number;
  @Property({ type: types.mediumint, unsigned: true }) medium!: number;
  @Property({ type: types.bigint, unsigned: true }) big!: string;
  @Property({ columnType: 'decimal(6,2) unsigned' }) price!: string;
  @Property({ columnType: 'double' }) score!: number;
  @Property({ columnType: 'datetime(3)', type: types.datetime }) preciseAt!: Date;
  @Property({ columnType: 'timestamp', type: types.datetime, nullable: true }) stampedAt?: Date | null;
  @Property({ columnType: 'char(4)' }) fixed!: string;
  @Property({ columnType: 'tinytext' }) note!: string;
  @Property({ columnType: 'tinyblob' }) smallBlob!: Buffer;
  @Property({ columnType: 'bit(1)' }) bit!: boolean;
}

/** The entities a database's column-type spec runs on; setup SQL each needs before the schema. */
export const columnModels: Record<DatabaseName, { entities: (new () => object)[]; setup: string[] }> = {
  sqlite: { entities: [ColumnOwner, PortableColumns], setup: [] },
  postgresql: { entities: [ColumnOwner, PortableColumns, PostgresqlColumns], setup: ['create extension if not exists citext'] },
  mariadb: { entities: [ColumnOwner, PortableColumns, MariadbColumns], setup: [] },
};
