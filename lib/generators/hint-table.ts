import type { Faker } from '@faker-js/faker';

/** What a hint generates: it only applies to fields of that kind. */
export type HintKind = 'string' | 'number' | 'date';

/**
 * How a unique string is made distinct when redraws keep repeating: `local+N@domain`, an extra
 * URL path segment, `slug-N`, `user_N`, `words N` — or only ever redrawn (check digits, fixed shapes).
 */
export type UniqueFallback = 'email' | 'url' | 'slug' | 'username' | 'words' | 'redraw';

/** One entry of the hint table: how to make values for fields whose name contains one of its names. */
export interface HintDefinition {
  /** Fields of which kind the hint serves (default 'string'). */
  kind?: HintKind;
  generate: (faker: Faker) => unknown;
  /** How `explain()` names the generator (default: the hint's first name). */
  describe?: string;
  /** For strings: how a unique value is kept distinct (default 'redraw'). */
  unique?: UniqueFallback;
  /** For strings: running text, which may be trimmed at a word boundary to fit a column. */
  prose?: boolean;
  /** For strings: a shorter variant to try when a column is too short for `generate`'s values. */
  shorter?: (faker: Faker, maxLength: number) => string | undefined;
  /** For numbers: whole numbers only (the hint then also serves integer columns). */
  integer?: boolean;
  /** Match the field's own words only, never a name that starts in the model's (`User.name` is no username). */
  fieldOnly?: boolean;
}

/** A bcrypt-shaped hash: what a password column holds, never a password in clear. */
function passwordHash(f: Faker): string {
  return `$2b$10$${f.string.fromCharacters('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53)}`;
}

/** An email short enough for `maxLength`: a first name at a short free-mail domain. */
function shortEmail(f: Faker, maxLength: number): string | undefined {
  const domain = f.helpers.arrayElement(['gmail.com', 'yahoo.com', 'aol.com', 'mail.io']);
  const room = maxLength - domain.length - 1;
  const local = f.person.firstName().toLowerCase().replace(/[^a-z]/g, '');
  return room >= 1 && local.length > 0 ? `${local.slice(0, room)}@${domain}` : undefined;
}

/** The first of a few drawn values that fits `maxLength`. */
function firstFitting(maxLength: number, ...draws: (() => string)[]): string | undefined {
  for (const draw of draws) {
    const value = draw();
    if (value.length <= maxLength) return value;
  }
  return undefined;
}

function words(f: Faker, min: number, max: number): string {
  return f.lorem.words({ min, max });
}

/**
 * The built-in hints, by whole words of a field name (`companyName` → company, `ipAddress` → ip).
 * A field takes the entry whose name has the most words; among equals, the first in this table.
 * A fresh table per call: hintFor() looks hints up only while a factory's plan is made, and a table
 * built there (not at import) is code that each spec making a plan runs, so mutation testing can
 * switch its entries on and off like any other code.
 */
export function builtinHints(): [names: string[], definition: HintDefinition][] {
  return [
    // Strings with a fixed shape or a check digit: only ever redrawn.
    [['uuid', 'guid'], { generate: (f) => f.string.uuid(), describe: 'faker.string.uuid()' }],
    [['isbn'], { generate: (f) => f.commerce.isbn({ variant: 13, separator: '' }), describe: 'faker.commerce.isbn(13)' }],
    [['iban'], { generate: (f) => f.finance.iban(), describe: 'faker.finance.iban()' }],
    [['ipv6'], { generate: (f) => f.internet.ipv6(), describe: 'faker.internet.ipv6()' }],
    [['ip', 'ipv4', 'ip address'], { generate: (f) => f.internet.ipv4(), describe: 'faker.internet.ipv4()' }],
    [['mac', 'mac address'], { generate: (f) => f.internet.mac(), describe: 'faker.internet.mac()' }],
    [['phone', 'phone number', 'mobile', 'telephone', 'tel', 'fax'], { generate: (f) => f.phone.number({ style: 'international' }), describe: "faker.phone.number({ style: 'international' })" }],
    [['zip', 'zipcode', 'zip code', 'postcode', 'post code', 'postal code'], { generate: (f) => f.location.zipCode(), describe: 'faker.location.zipCode()' }],
    [['country code'], { generate: (f) => f.location.countryCode(), describe: 'faker.location.countryCode()' }],
    [['currency', 'currency code'], { generate: (f) => f.finance.currencyCode(), describe: 'faker.finance.currencyCode()' }],
    [['hex', 'hex color', 'color hex', 'hex colour'], { generate: (f) => f.color.rgb(), describe: 'faker.color.rgb()' }],
    [['mime', 'mime type', 'mimetype', 'content type', 'media type'], { generate: (f) => f.system.mimeType(), describe: 'faker.system.mimeType()' }],
    [['file', 'filename', 'file name'], { generate: (f) => f.system.fileName(), describe: 'faker.system.fileName()' }],
    [['host', 'hostname', 'host name', 'domain', 'domain name'], { generate: (f) => f.internet.domainName(), describe: 'faker.internet.domainName()' }],
    [['password', 'password hash', 'passwd', 'hash'], { generate: passwordHash, describe: 'a bcrypt-shaped hash', shorter: (f, max) => f.string.alphanumeric(Math.min(max, 16)) }],
    // Strings a suffix can keep distinct without breaking them.
    [['email', 'e mail', 'mail'], { generate: (f) => f.internet.email(), describe: 'faker.internet.email()', unique: 'email', shorter: shortEmail }],
    [['avatar'], { generate: (f) => f.image.avatar(), describe: 'faker.image.avatar()', unique: 'url' }],
    [['image', 'photo', 'picture', 'thumbnail'], { generate: (f) => f.image.url(), describe: 'faker.image.url()', unique: 'url' }],
    [['url', 'uri', 'website', 'homepage', 'link'], { generate: (f) => f.internet.url(), describe: 'faker.internet.url()', unique: 'url', shorter: (f, max) => firstFitting(max, () => `https://${f.internet.domainWord()}.com`) }],
    [['slug'], { generate: (f) => f.lorem.slug(3), describe: 'faker.lorem.slug(3)', unique: 'slug', shorter: (f, max) => firstFitting(max, () => f.lorem.slug(2), () => f.lorem.slug(1)) }],
    [['username', 'user name', 'login', 'nickname', 'handle'], { generate: (f) => f.internet.username(), describe: 'faker.internet.username()', unique: 'username', fieldOnly: true, shorter: (f, max) => firstFitting(max, () => f.person.firstName().replace(/[^A-Za-z]/g, '')) }],
    [['first name', 'firstname', 'given name'], { generate: (f) => f.person.firstName(), describe: 'faker.person.firstName()', unique: 'words' }],
    [['last name', 'lastname', 'surname', 'family name'], { generate: (f) => f.person.lastName(), describe: 'faker.person.lastName()', unique: 'words' }],
    [['company', 'company name', 'organization', 'organisation', 'employer', 'publisher'], { generate: (f) => f.company.name(), describe: 'faker.company.name()', unique: 'words' }],
    [['product', 'product name'], { generate: (f) => f.commerce.productName(), describe: 'faker.commerce.productName()', unique: 'words' }],
    [['job', 'job title', 'occupation'], { generate: (f) => f.person.jobTitle(), describe: 'faker.person.jobTitle()', unique: 'words' }],
    [['country', 'country name'], { generate: (f) => f.location.country(), describe: 'faker.location.country()', unique: 'words' }],
    [['book title'], { generate: (f) => f.book.title(), describe: 'faker.book.title()', unique: 'words' }],
    [['city', 'town', 'city name'], { generate: (f) => f.location.city(), describe: 'faker.location.city()', unique: 'words' }],
    [['state', 'province', 'region'], { generate: (f) => f.location.state(), describe: 'faker.location.state()', unique: 'words' }],
    [['street', 'street name'], { generate: (f) => f.location.street(), describe: 'faker.location.street()', unique: 'words' }],
    [['address', 'street address', 'address line'], { generate: (f) => f.location.streetAddress(), describe: 'faker.location.streetAddress()', unique: 'words' }],
    [['color', 'colour'], { generate: (f) => f.color.human(), describe: 'faker.color.human()', unique: 'words' }],
    [['full name', 'fullname', 'name', 'display name', 'author', 'owner'], { generate: (f) => f.person.fullName(), describe: 'faker.person.fullName()', unique: 'words' }],
    [['title', 'headline', 'subject', 'label'], { generate: (f) => f.company.catchPhrase(), describe: 'faker.company.catchPhrase()', unique: 'words' }],
    [['description', 'bio', 'summary', 'body', 'content', 'text', 'about', 'notes', 'comment', 'excerpt'], { generate: (f) => f.lorem.paragraph(), describe: 'faker.lorem.paragraph()', unique: 'words', prose: true }],
    // Numbers.
    [['age'], { kind: 'number', generate: (f) => f.number.int({ min: 0, max: 120 }), describe: 'integer 0..120', integer: true }],
    [['price', 'amount', 'cost', 'total', 'balance', 'fee', 'salary'], { kind: 'number', generate: (f) => f.number.float({ min: 0.01, max: 1000, fractionDigits: 2 }), describe: 'positive, 2 decimals, 0.01..1000' }],
    [['quantity', 'qty', 'count', 'stock', 'size'], { kind: 'number', generate: (f) => f.number.int({ min: 0, max: 100 }), describe: 'integer 0..100', integer: true }],
    [['rating', 'stars'], { kind: 'number', generate: (f) => f.number.int({ min: 1, max: 5 }), describe: 'integer 1..5', integer: true }],
    [['percent', 'percentage', 'pct'], { kind: 'number', generate: (f) => f.number.int({ min: 0, max: 100 }), describe: 'integer 0..100', integer: true }],
    [['year'], { kind: 'number', generate: (f) => f.date.past({ years: 30 }).getUTCFullYear(), describe: 'a year in the 30 years before the reference date', integer: true }],
    [['latitude', 'lat'], { kind: 'number', generate: (f) => f.location.latitude(), describe: 'faker.location.latitude()' }],
    [['longitude', 'lng', 'lon', 'long'], { kind: 'number', generate: (f) => f.location.longitude(), describe: 'faker.location.longitude()' }],
    // Dates, relative to the reference date (see currentReferenceDate()).
    [
      ['birth', 'birthday', 'birth date', 'birthdate', 'dob', 'date of birth'],
      {
        kind: 'date',
        // Stryker disable next-line ObjectLiteral: equivalent, faker 10's defaults are these arguments (checked: 1 year; ages 18..80), spelled out for the README's table
        generate: (f) => f.date.birthdate({ mode: 'age', min: 18, max: 80 }),
        describe: "an adult's birth date (18..80 years)",
      },
    ],
    [
      ['created', 'created at', 'updated', 'updated at', 'modified', 'published', 'deleted', 'joined', 'registered', 'signed up'],
      {
        kind: 'date',
        // Stryker disable next-line ObjectLiteral: equivalent, faker 10's defaults are these arguments (checked: 1 year; ages 18..80), spelled out for the README's table
        generate: (f) => f.date.past({ years: 1 }),
        describe: 'in the year before the reference date',
      },
    ],
    [
      ['expires', 'expires at', 'expiry', 'expiration', 'due', 'due at', 'ends', 'ends at', 'end', 'deadline', 'valid until'],
      {
        kind: 'date',
        // Stryker disable next-line ObjectLiteral: equivalent, faker 10's defaults are these arguments (checked: 1 year; ages 18..80), spelled out for the README's table
        generate: (f) => f.date.future({ years: 1 }),
        describe: 'in the year after the reference date',
      },
    ],
  ];
}

/** What a field of a kind gets when no hint matches its name. */
export function fallbackHint(kind: HintKind): HintDefinition {
  switch (kind) {
    case 'string':
      return { generate: (f) => words(f, 1, 3), describe: 'faker.lorem.words(1..3)', unique: 'words', prose: true };
    case 'number':
      return { kind: 'number', generate: (f) => f.number.int({ min: 0, max: 1000 }), describe: 'integer 0..1000', integer: true };
    case 'date':
      return { kind: 'date', generate: (f) => f.date.past({ years: 5 }), describe: 'in the 5 years before the reference date' };
  }
}
