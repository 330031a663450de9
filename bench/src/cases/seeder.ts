import { faker } from '@faker-js/faker';
import { Factory } from '@mikro-orm/seeder';
import { postValues, userValues, type PostValues, type UserValues } from '../data.js';
import { BenchPost, BenchUser } from '../entities.js';

/** @mikro-orm/seeder's factories for the bench's entities, with the same faker calls. */
export class SeederUserFactory extends Factory<BenchUser> {
  model = BenchUser;
  protected definition(): UserValues {
    return userValues(faker);
  }
}

export class SeederPostFactory extends Factory<BenchPost> {
  model = BenchPost;
  protected definition(): PostValues {
    return postValues(faker);
  }
}
