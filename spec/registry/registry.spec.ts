import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Field, ParameterException, registry } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

describe('registry and @Factory', () => {
  class Book {
    @Field() title!: string;
  }
  class Shelf {
    @Field() book!: Book;
  }

  it('looks up the factory of a model and lists every registration', () => {
    class Pen {
      @Field() ink!: string;
    }
    @Factory(Pen)
    class PenFactory extends BaseFactory<Pen> {}
    expect(registry.get(Pen)).to.equal(PenFactory);
    expect(registry.factoriesFor(Pen)).to.deep.equal([PenFactory]);
    expect(registry.list().find((r) => r.factory === PenFactory)).to.deep.include({ model: Pen, factory: PenFactory });
    expect(registry.get(class Unregistered {})).to.equal(undefined);
    PenFactory.build();
    registry.unregister(PenFactory);
    expect(registry.get(Pen)).to.equal(undefined);
    expectThrows(() => PenFactory.build(), ConfigurationException, 'PenFactory is not a registered factory');
  });

  it('lists plain-object factories with no model', () => {
    @Factory()
    class SettingsFactory extends BaseFactory<{ theme: string }> {}
    const registration = registry.list().find((r) => r.factory === SettingsFactory);
    expect(registration?.model).to.equal(undefined);
  });

  it('with several factories for a model, uses the one marked default, also for nested fields', () => {
    @Factory(Book)
    class DraftFactory extends BaseFactory<Book> {
      @Field({ enum: ['draft'] }) title!: string;
    }
    @Factory(Book, { default: true })
    class PublishedFactory extends BaseFactory<Book> {
      @Field({ enum: ['published'] }) title!: string;
    }
    @Factory(Shelf)
    class ShelfFactory extends BaseFactory<Shelf> {}
    expect(registry.factoriesFor(Book)).to.deep.equal([DraftFactory, PublishedFactory]);
    expect(registry.get(Book)).to.equal(PublishedFactory);
    expect(ShelfFactory.build().book.title).to.equal('published');
    registry.unregister(DraftFactory);
    registry.unregister(PublishedFactory);
    expect(registry.get(Book)).to.equal(undefined);
  });

  it('with several factories and no default, says which to mark', () => {
    class Lamp {
      @Field() watts!: number;
    }
    class Desk {
      @Field() lamp!: Lamp;
    }
    @Factory(Lamp)
    class LampFactory extends BaseFactory<Lamp> {}
    @Factory(Lamp)
    class BrightLampFactory extends BaseFactory<Lamp> {}
    @Factory(Desk)
    class DeskFactory extends BaseFactory<Desk> {}
    expectThrows(() => registry.get(Lamp), ConfigurationException, 'Lamp has 2 factories (LampFactory, BrightLampFactory)', '{ default: true }');
    expectThrows(() => DeskFactory.build(), ConfigurationException, 'Lamp has 2 factories');
    expect(LampFactory.build().watts).to.be.a('number');
    expect(BrightLampFactory.build().watts).to.be.a('number');
  });

  it('refuses a second default factory for one model', () => {
    class Cup {
      @Field() size!: number;
    }
    @Factory(Cup, { default: true })
    class CupFactory extends BaseFactory<Cup> {}
    expectThrows(
      () => {
        @Factory(Cup, { default: true })
        class MugFactory extends BaseFactory<Cup> {}
        return MugFactory;
      },
      ConfigurationException,
      'Cup has two default factories, CupFactory and MugFactory',
    );
    expect(registry.get(Cup)).to.equal(CupFactory);
  });

  describe('argument checks', () => {
    it('rejects a model that is not a class, a MikroORM schema or an entity name', () => {
      expectThrows(() => Factory(42 as never), ParameterException, '@Factory', 'a model class', 'number 42');
      expectThrows(() => Factory({ name: 'Book' } as never), ParameterException, '@Factory', 'EntitySchema', 'an object');
    });

    it('rejects an entity name MikroORM does not know', () => {
      expectThrows(() => Factory('NoSuchEntity'), ConfigurationException, "@Factory('NoSuchEntity')", 'Pass the entity class or its EntitySchema');
    });

    it('rejects a decorated class that does not extend BaseFactory', () => {
      expectThrows(
        () => Factory(Book)(class NotAFactory {} as never),
        ConfigurationException,
        '@Factory on NotAFactory',
        'must extend BaseFactory<Model>',
      );
    });

    const badOptions: [string, unknown, string][] = [
      ['default', 'yes', 'a boolean'],
      ['faker', {}, 'a Faker instance'],
      ['locale', 'xx_YY', "faker's locale keys"],
      ['seed', Number.NaN, 'a safe integer'],
      ['construct', 3, 'a function'],
      ['defualt', true, 'unknown option'],
    ];
    for (const [option, value, expected] of badOptions) {
      it(`rejects the option ${option}: ${String(value)}`, () => {
        class Target extends BaseFactory<Book> {}
        expectThrows(
          () => Factory(Book, { [option]: value } as never)(Target),
          ParameterException,
          '@Factory on Target',
          `option '${option}'`,
          expected,
        );
      });
    }

    it('rejects options that are not an object', () => {
      class Target extends BaseFactory<Book> {}
      expectThrows(() => Factory(Book, 5 as never)(Target), ParameterException, '@Factory on Target', 'an options object');
    });
  });
});
