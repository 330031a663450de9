/** Entities whose string columns are as tight as their formats allow: hints must fit them without a cut. */
import 'fixtory';
import { Entity, PrimaryKey, Property, Unique } from '../../../samples/mikro-orm-major.js';

@Entity()
export class Contact {
  @PrimaryKey() id!: number;
  @Property({ length: 24 }) @Unique() email!: string;
  @Property({ length: 40 }) website!: string;
  @Property({ length: 16 }) phone!: string;
  @Property({ length: 10 }) zipCode!: string;
  @Property({ length: 2 }) countryCode!: string;
  @Property({ length: 36 }) @Unique() uuid!: string;
  @Property({ length: 15 }) ipAddress!: string;
  @Property({ length: 13 }) @Unique() isbn!: string;
  @Property({ length: 34 }) iban!: string;
  @Property({ length: 16 }) @Unique() slug!: string;
  @Property({ length: 12 }) @Unique() username!: string;
  @Property({ length: 20 }) companyName!: string;
  @Property({ length: 24 }) title!: string;
  @Property({ length: 40 }) description!: string;
  @Property({ type: 'text' }) notes!: string;
  @Property({ length: 6 }) @Unique() code!: string;
  @Property({ type: 'smallint' }) age!: number;
  @Property() createdAt!: Date;
  @Property() expiresAt!: Date;
}

/** A unique varchar(3): two factories of the model used to repeat each other's values. */
@Entity()
export class ShortCode {
  @PrimaryKey() id!: number;
  @Property({ length: 3 }) @Unique() code!: string;
}

/** An email cannot fit five characters: asking for one is a configuration error. */
@Entity()
export class TightEmail {
  @PrimaryKey() id!: number;
  @Property({ length: 5 }) email!: string;
}

export const realismEntities = [Contact, TightEmail, ShortCode];
