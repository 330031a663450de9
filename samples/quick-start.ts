import 'reflect-metadata';
import { BaseFactory, Factory, Field, Persist, SyncPersistenceProtocol } from 'fixtory';

class User {
  @Field() name!: string; // generated from its type and name: a full name
  @Field() email!: string; // a realistic email address
  @Field() signedUpAt!: Date;
}

class InMemoryUsers extends SyncPersistenceProtocol<User> {
  readonly rows: User[] = [];
  save(user: User): User { this.rows.push(user); return user; }
  saveMany(users: User[]): User[] { this.rows.push(...users); return users; }
}
const users = new InMemoryUsers();

@Factory(User)
@Persist(users)
class UserFactory extends BaseFactory<User> {}

const ada: User = UserFactory.build({ name: 'Ada Lovelace' }); // built, not saved
const saved: User[] = UserFactory.createBatchSync(3); // saved with one saveMany call

export const quickStart = { ada, saved, users };
