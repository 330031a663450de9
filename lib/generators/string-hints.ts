import type { Faker } from '@faker-js/faker';

/**
 * Realistic strings for common field names. A field matches a hint when its name, lower-cased
 * without separators, ends with the hint's key (`contactEmail` → email); longer keys win.
 */
const hints: Record<string, (faker: Faker) => string> = {
  email: (f) => f.internet.email(),
  firstname: (f) => f.person.firstName(),
  lastname: (f) => f.person.lastName(),
  surname: (f) => f.person.lastName(),
  fullname: (f) => f.person.fullName(),
  name: (f) => f.person.fullName(),
  username: (f) => f.internet.username(),
  password: (f) => f.internet.password(),
  phone: (f) => f.phone.number(),
  phonenumber: (f) => f.phone.number(),
  url: (f) => f.internet.url(),
  website: (f) => f.internet.url(),
  city: (f) => f.location.city(),
  country: (f) => f.location.country(),
  street: (f) => f.location.street(),
  address: (f) => f.location.streetAddress(),
  zipcode: (f) => f.location.zipCode(),
  postcode: (f) => f.location.zipCode(),
  postalcode: (f) => f.location.zipCode(),
  company: (f) => f.company.name(),
  title: (f) => f.lorem.sentence({ min: 2, max: 5 }).replace(/\.$/, ''),
  description: (f) => f.lorem.paragraph(),
  bio: (f) => f.lorem.paragraph(),
  slug: (f) => f.lorem.slug(),
  color: (f) => f.color.human(),
  uuid: (f) => f.string.uuid(),
  isbn: (f) => f.commerce.isbn({ variant: 13, separator: '' }),
};

const keysLongestFirst = Object.keys(hints).sort((a, b) => b.length - a.length);

/** The string generator for a field name: a matching hint, else a few lorem words. */
export function stringGeneratorFor(field: string): (faker: Faker) => string {
  const normalized = field.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = keysLongestFirst.find((k) => normalized.endsWith(k));
  return key ? hints[key]! : (f) => f.lorem.words({ min: 1, max: 3 });
}
