import 'reflect-metadata';
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  Field,
  Ignore,
  MissingBuildKwargException,
  ParameterException,
  PostGenerated,
  Require,
  Use,
} from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

/** Stands for any third-party property decorator (class-validator, an ORM): it only makes TypeScript emit design:type. */
function Prop(): PropertyDecorator {
  return () => undefined;
}

class Address {
  @Prop() street!: string;
  @Prop() city!: string;
}

class Person {
  @Prop() name!: string;
  @Prop() email!: string;
  @Prop() age!: number;
  @Prop() active!: boolean;
  @Prop() born!: Date;
  @Prop() balance!: bigint;
  @Prop() tags!: string[];
  @Prop() address!: Address;
  greet(): string {
    return `hi ${this.name}`;
  }
}

@Factory(Person)
class PersonFactory extends BaseFactory<Person> {}

describe('FactoryRunner: build and batch', () => {
  describe('generation from design:type', () => {
    it('builds an instance of the model with a value of the right type for every decorated property', () => {
      const person = PersonFactory.build();
      expect(person).to.be.instanceOf(Person);
      expect(person.greet()).to.equal(`hi ${person.name}`);
      expect(person.name).to.be.a('string').and.not.be.empty;
      expect(person.email).to.match(/^[^@\s]+@[^@\s]+$/);
      expect(person.age).to.be.a('number');
      expect(Number.isInteger(person.age)).to.equal(true);
      expect(person.active).to.be.a('boolean');
      expect(person.born).to.be.instanceOf(Date);
      expect(typeof person.balance).to.equal('bigint');
      expect(person.tags).to.deep.equal([]);
    });

    it('builds class-typed fields with an automatic factory when the class has none registered', () => {
      const { address } = PersonFactory.build();
      expect(address).to.be.instanceOf(Address);
      expect(address.street).to.be.a('string').and.not.be.empty;
      expect(address.city).to.be.a('string').and.not.be.empty;
    });

    it('fills array fields whose item type is given with @Field({ items })', () => {
      class Tagged {
        @Field({ items: () => String }) tags!: string[];
        @Field({ items: () => Address }) homes!: Address[];
      }
      @Factory(Tagged)
      class TaggedFactory extends BaseFactory<Tagged> {}
      const tagged = TaggedFactory.build();
      expect(tagged.tags.length).to.be.within(1, 3);
      tagged.tags.forEach((tag) => expect(tag).to.be.a('string'));
      tagged.homes.forEach((home) => expect(home).to.be.instanceOf(Address));
    });

    it('uses a @Field({ type }) hint where design:type is Object', () => {
      class Profile {
        @Field({ type: () => String }) nickname!: string | null;
        @Prop() unknownShape!: string | number;
      }
      @Factory(Profile)
      class ProfileFactory extends BaseFactory<Profile> {}
      expect(ProfileFactory.build({ unknownShape: 1 }).nickname).to.be.a('string');
    });

    it('throws ConfigurationException naming Model.field and suggesting @Use when a type cannot be inferred', () => {
      class Shape {
        @Prop() kind!: 'circle' | 2;
      }
      @Factory(Shape)
      class ShapeFactory extends BaseFactory<Shape> {}
      expectThrows(() => ShapeFactory.build(), ConfigurationException, 'ShapeFactory', 'Shape.kind', 'design:type is Object', '@Use(');
      expect(ShapeFactory.build({ kind: 'circle' }).kind).to.equal('circle');
    });

    it('reports a Map-typed field as not inferable rather than guessing', () => {
      class Cache {
        @Prop() entries!: Map<string, number>;
      }
      @Factory(Cache)
      class CacheFactory extends BaseFactory<Cache> {}
      expectThrows(() => CacheFactory.build(), ConfigurationException, 'Cache.entries', 'design:type is Map');
    });

    it('throws ConfigurationException when it can see no field of the model at all', () => {
      class Invisible {
        name!: string;
      }
      @Factory(Invisible)
      class InvisibleFactory extends BaseFactory<Invisible> {}
      expectThrows(() => InvisibleFactory.build(), ConfigurationException, 'InvisibleFactory knows no fields of Invisible', "import 'fixtory'");
      expect(InvisibleFactory.build({ name: 'given' }).name).to.equal('given');
    });

    it('uses the registered default factory of a nested model', () => {
      class Owner {
        @Prop() name!: string;
      }
      class Pet {
        @Prop() owner!: Owner;
      }
      @Factory(Owner)
      class OwnerFactory extends BaseFactory<Owner> {
        @Use(() => 'registered owner') name!: string;
      }
      @Factory(Pet)
      class PetFactory extends BaseFactory<Pet> {}
      expect(PetFactory.build().owner.name).to.equal('registered owner');
      expect(OwnerFactory.build().name).to.equal('registered owner');
    });

    it('throws ConfigurationException with the path when nested fields form a cycle', () => {
      class Employee {
        @Prop() name!: string;
        @Prop() manager!: Employee;
      }
      @Factory(Employee)
      class EmployeeFactory extends BaseFactory<Employee> {}
      expectThrows(() => EmployeeFactory.build(), ConfigurationException, 'Employee.manager -> Employee', '@Ignore()');
      expect(EmployeeFactory.build({ manager: undefined }).manager).to.equal(undefined);
    });
  });

  describe('field markers', () => {
    interface Account {
      id: number;
      owner: string;
      email: string;
      secret?: string;
      tenant: string;
    }

    @Factory()
    class AccountFactory extends BaseFactory<Account> {
      @Use((base: number, spread: number) => base + spread, 1000, 0) id!: number;
      @Use(() => 'Ada Lovelace') owner!: string;
      @PostGenerated((name: string, values: Record<string, unknown>, domain: string) =>
        `${String(values['owner']).toLowerCase().replace(/\s+/g, '.')}@${domain}`, 'example.org')
      email!: string;
      @Ignore() secret?: string;
      @Require() tenant!: string;
    }

    it('calls @Use functions with their arguments', () => {
      expect(AccountFactory.build({ tenant: 't' }).id).to.equal(1000);
    });

    it('runs @PostGenerated after the other fields, with the field name and the values so far', () => {
      const seen: [string, Record<string, unknown>][] = [];
      @Factory()
      class Probe extends BaseFactory<{ a: string; b: string }> {
        @PostGenerated((name: string, values: Record<string, unknown>) => {
          seen.push([name, { ...values }]);
          return `${String(values['a'])}!`;
        })
        b!: string;
        @Use(() => 'x') a!: string;
      }
      expect(Probe.build()).to.deep.equal({ a: 'x', b: 'x!' });
      expect(seen).to.deep.equal([['b', { a: 'x' }]]);
      expect(AccountFactory.build({ tenant: 't' }).email).to.equal('ada.lovelace@example.org');
      expect(AccountFactory.build({ tenant: 't', owner: 'Grace Hopper' }).email).to.equal('grace.hopper@example.org');
      expect(AccountFactory.build({ tenant: 't', email: 'given@x.y' }).email).to.equal('given@x.y');
    });

    it('leaves @Ignore fields unset unless overridden', () => {
      expect(AccountFactory.build({ tenant: 't' })).not.to.have.property('secret');
      expect(AccountFactory.build({ tenant: 't', secret: 's' }).secret).to.equal('s');
    });

    it('throws MissingBuildKwargException naming a @Require field that was not passed', () => {
      expectThrows(() => AccountFactory.build(), MissingBuildKwargException, 'AccountFactory', "'tenant'", '@Require()');
      expectThrows(() => AccountFactory.batch(2), MissingBuildKwargException, 'tenant');
      expect(AccountFactory.build({ tenant: 'acme' }).tenant).to.equal('acme');
    });

    it('builds a plain object, not a class instance, for a factory without a model', () => {
      const account = AccountFactory.build({ tenant: 't' });
      expect(Object.getPrototypeOf(account)).to.equal(Object.prototype);
      expect(Object.keys(account).sort()).to.deep.equal(['email', 'id', 'owner', 'tenant']);
    });
  });

  describe('overrides and sizes', () => {
    interface Note {
      text: string;
    }
    @Factory()
    class NoteFactory extends BaseFactory<Note> {
      @Field() text!: string;
    }

    it('gives overrides precedence over every generator', () => {
      expect(PersonFactory.build({ name: 'Ada', age: 36 })).to.include({ name: 'Ada', age: 36 });
    });

    it('applies the same overrides to every instance of a batch', () => {
      const people = PersonFactory.batch(3, { name: 'Ada' });
      expect(people).to.have.length(3);
      people.forEach((p) => expect(p.name).to.equal('Ada'));
      expect(new Set(people.map((p) => p.email)).size).to.equal(3);
    });

    it('returns an empty array for a batch of zero', () => {
      expect(PersonFactory.batch(0)).to.deep.equal([]);
    });

    for (const size of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3']) {
      it(`rejects batch size ${String(size)} with ParameterException`, () => {
        expectThrows(() => PersonFactory.batch(size as number), ParameterException, 'PersonFactory.batch', 'size must be a non-negative whole number');
      });
    }

    for (const overrides of [null, [], 'name', 5]) {
      it(`rejects overrides ${JSON.stringify(overrides)} with ParameterException`, () => {
        expectThrows(() => PersonFactory.build(overrides as never), ParameterException, 'PersonFactory.build', 'overrides must be a plain object');
      });
    }

    it('rejects an override key the model does not have when its fields are known', () => {
      expectThrows(
        () => NoteFactory.build({ txt: 'typo' } as never),
        ParameterException,
        'NoteFactory',
        "its objects have no field 'txt'",
        'known fields are text',
      );
    });

    it('keeps an override of a class model whose property fixtory cannot see', () => {
      const person = PersonFactory.build({ nickname: 'Ada' } as never) as Person & { nickname: string };
      expect(person.nickname).to.equal('Ada');
    });

    it('rejects a __proto__ override of a plain-object factory instead of changing a prototype', () => {
      expectThrows(() => NoteFactory.build(JSON.parse('{"__proto__": {"polluted": true}}')), ParameterException, "'__proto__' in the overrides is refused");
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    });
  });

  describe('construction', () => {
    class Point {
      @Prop() x!: number;
      constructor(readonly label: string) {
        if (label === undefined) throw new Error('label is required');
      }
    }

    it('throws ConfigurationException suggesting the construct option when new Model() fails', () => {
      @Factory(Point)
      class PointFactory extends BaseFactory<Point> {}
      const error = expectThrows(() => PointFactory.build(), ConfigurationException, 'new Point()', 'label is required', 'construct:');
      expect((error as Error & { cause: Error }).cause.message).to.equal('label is required');
    });

    it('builds through the construct option', () => {
      @Factory(Point, { construct: (values) => Object.assign(new Point('origin'), values) })
      class LabelledPointFactory extends BaseFactory<Point> {}
      const point = LabelledPointFactory.build({ x: 3 });
      expect(point).to.be.instanceOf(Point);
      expect(point).to.include({ label: 'origin', x: 3 });
    });

    it('hands a construct option and a @PostGenerated function values without a prototype', () => {
      const seen: object[] = [];
      @Factory(Point, { construct: (values) => (seen.push(values), Object.assign(new Point('origin'), values)) })
      class SeenPointFactory extends BaseFactory<Point> {}
      @Factory()
      class Probe extends BaseFactory<{ a: string; b: string }> {
        @Use(() => 'x') a!: string;
        @PostGenerated((_name: string, values: Record<string, unknown>) => (seen.push(values), 'y')) b!: string;
      }
      SeenPointFactory.build({ x: 1 });
      expect(Probe.build()).to.deep.equal({ a: 'x', b: 'y' });
      expect(seen.map((values) => Object.getPrototypeOf(values))).to.deep.equal([null, null]);
    });
  });

  describe('factory inheritance', () => {
    class Member {
      @Prop() name!: string;
      @Prop() role!: string;
    }
    @Factory(Member)
    class MemberFactory extends BaseFactory<Member> {
      @Use(() => 'member') role!: string;
      @Use(() => 'Base Name') name!: string;
    }
    class AdminFactory extends MemberFactory {
      @Use(() => 'admin') override role!: string;
    }

    it('inherits fields and lets a subclass replace them; an undecorated subclass uses its parent registration', () => {
      expect(AdminFactory.build()).to.include({ name: 'Base Name', role: 'admin' });
      expect(MemberFactory.build()).to.include({ name: 'Base Name', role: 'member' });
      expect(AdminFactory.build()).to.be.instanceOf(Member);
    });
  });

  it('throws ConfigurationException for a factory class that is not decorated', () => {
    class Loose extends BaseFactory<Person> {}
    expectThrows(() => Loose.build(), ConfigurationException, 'Loose is not a registered factory', '@Factory(Model)');
  });
});
