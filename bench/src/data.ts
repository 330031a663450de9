import type { Faker } from '@faker-js/faker';

/**
 * The faker calls every case makes, one per column: the ones fixtory's name hints pick for these
 * columns (name → person.fullName, email → internet.email, bio → lorem.paragraph,
 * title → a 2–5 word sentence), so every tool generates the same data.
 */
export const userValues = (faker: Faker) => ({
  name: faker.person.fullName(),
  email: faker.internet.email(),
  bio: faker.lorem.paragraph(),
});

export const postValues = (faker: Faker) => ({
  title: faker.lorem.sentence({ min: 2, max: 5 }).replace(/\.$/, ''),
});

export type UserValues = ReturnType<typeof userValues>;
export type PostValues = ReturnType<typeof postValues>;

/** Posts per user in the users-with-posts workloads. */
export const postsPerUser = 5;

/** What a case writes per row: faker's values (above) or the cheap ones (below). */
export interface RowValues {
  user(): UserValues;
  post(): PostValues;
}

export const fakerRows = (faker: Faker): RowValues => ({ user: () => userValues(faker), post: () => postValues(faker) });

const firstNames = ['Ada', 'Alan', 'Barbara', 'Claude', 'Donald', 'Edsger', 'Frances', 'Grace', 'Hedy', 'Ivan', 'John', 'Katherine', 'Linus', 'Margaret', 'Niklaus', 'Ole', 'Peter', 'Radia', 'Sophie', 'Tim', 'Ursula', 'Vint', 'Whitfield', 'Xavier', 'Yukihiro', 'Zuse'];
const lastNames = ['Lovelace', 'Turing', 'Liskov', 'Shannon', 'Knuth', 'Dijkstra', 'Allen', 'Hopper', 'Lamarr', 'Sutherland', 'Backus', 'Johnson', 'Torvalds', 'Hamilton', 'Wirth', 'Dahl', 'Naur', 'Perlman', 'Wilson', 'Berners-Lee', 'Franklin', 'Cerf', 'Diffie', 'Leroy', 'Matsumoto', 'Konrad'];
const sentences = [
  'Lorem ipsum dolor sit amet.', 'Consectetur adipiscing elit sed do.', 'Eiusmod tempor incididunt ut labore.', 'Et dolore magna aliqua ut enim.',
  'Ad minim veniam quis nostrud.', 'Exercitation ullamco laboris nisi.', 'Ut aliquip ex ea commodo consequat.', 'Duis aute irure dolor in reprehenderit.',
  'In voluptate velit esse cillum.', 'Dolore eu fugiat nulla pariatur.', 'Excepteur sint occaecat cupidatat.', 'Non proident sunt in culpa.',
  'Qui officia deserunt mollit anim.', 'Id est laborum sed ut perspiciatis.', 'Unde omnis iste natus error.', 'Sit voluptatem accusantium doloremque.',
];

/**
 * Cheap values of the same kinds, like drizzle-seed's own generators: picks from small pools with a
 * seeded generator (mulberry32), no faker; e-mails are unique by a counter. Every case of the
 * "cheap values" workloads (fixtory included, through `@Use`) writes these, so the comparison
 * measures the seeding pipeline and the write path, not the value generators.
 */
export function cheapRows(seed = 1): RowValues & { name(): string; email(): string; bio(): string; title(): string } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (pool: readonly string[]) => pool[Math.floor(next() * pool.length)]!;
  let emails = 0;
  const name = () => `${pick(firstNames)} ${pick(lastNames)}`;
  const email = () => `${pick(firstNames).toLowerCase()}.${pick(lastNames).toLowerCase()}${++emails}@example.com`;
  const bio = () => `${pick(sentences)} ${pick(sentences)} ${pick(sentences)} ${pick(sentences)}`;
  const title = () => pick(sentences).slice(0, -1);
  return { name, email, bio, title, user: () => ({ name: name(), email: email(), bio: bio() }), post: () => ({ title: title() }) };
}
