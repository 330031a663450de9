import validator from 'validator';

/** For each hinted field name: the check of validator (a well-kept library) its values must pass. */
export const formatChecks: Record<string, (value: string) => boolean> = {
  email: (s) => validator.isEmail(s),
  website: (s) => validator.isURL(s, { require_protocol: true }),
  avatarUrl: (s) => validator.isURL(s, { require_protocol: true }),
  phone: (s) => validator.matches(s, /^\+[1-9]\d{7,14}$/), // E.164
  zipCode: (s) => validator.isPostalCode(s, 'US'),
  countryCode: (s) => validator.isISO31661Alpha2(s),
  uuid: (s) => validator.isUUID(s),
  ipAddress: (s) => validator.isIP(s, 4),
  ipv6: (s) => validator.isIP(s, 6),
  macAddress: (s) => validator.isMACAddress(s),
  hostname: (s) => validator.isFQDN(s),
  isbn: (s) => validator.isISBN(s, 13),
  iban: (s) => validator.isIBAN(s),
  currency: (s) => validator.isISO4217(s),
  hexColor: (s) => validator.isHexColor(s) && s.startsWith('#'),
  mimeType: (s) => validator.isMimeType(s),
  slug: (s) => validator.isSlug(s),
  username: (s) => validator.matches(s, /^[A-Za-z0-9._-]+$/),
  fileName: (s) => validator.matches(s, /^[\w-]+(\.\w+)+$/),
  passwordHash: (s) => validator.matches(s, /^\$2b\$10\$[./A-Za-z0-9]{53}$/),
};

/** How many distinct values a hint has at most (a unique field of it runs out after that). */
export const smallSpaces: Record<string, number> = { countryCode: 200, currency: 150, mimeType: 300 };
