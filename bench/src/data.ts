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
