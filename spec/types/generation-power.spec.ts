/**
 * Type-level specs of traits, transient parameters, nested and per-item overrides. Each
 * `@ts-expect-error` line must fail to compile, or the build (and so `npm test`) fails.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Lazy, Sequence, type Traits } from 'fixtory';

class Writer {
  @Field() name!: string;
}
class Novel {
  @Field() title!: string;
  @Field() pages!: number;
  @Field() writer!: Writer;
  @Field({ items: () => Writer }) editors!: Writer[];
}

@Factory(Novel)
class NovelFactory extends BaseFactory<Novel> {
  static traits = { long: { overrides: { pages: 900 } } } satisfies Traits<Novel>;
  static transient = { series: false, volume: 1 };
  @Lazy(({ transient }) => `Volume ${String(transient['volume'])}`) title!: string;
}

@Factory(Writer)
class WriterFactory extends BaseFactory<Writer> {}

export function compileOnly(): void {
  NovelFactory.build({ writer: { name: 'Ada' }, editors: [{ name: 'Grace' }, new Writer()] }, { traits: ['long'], transient: { volume: 2 } });
  NovelFactory.batch(2, (i) => ({ pages: i }));
  NovelFactory.batch(2, [{ pages: 1 }, { title: 'x' }]);
  const covered: Novel[] = NovelFactory.coverage();
  void covered;

  const badTraits = {
    // @ts-expect-error trait overrides are checked against the model
    long: { overrides: { pages: 'many' } },
  } satisfies Traits<Novel>;
  void badTraits;
  // @ts-expect-error an unknown trait
  NovelFactory.build({}, { traits: ['short'] });
  // @ts-expect-error an unknown transient parameter
  NovelFactory.build({}, { transient: { edition: 2 } });
  // @ts-expect-error a transient parameter of the wrong type
  NovelFactory.build({}, { transient: { volume: 'two' } });
  // @ts-expect-error a factory without traits takes none
  WriterFactory.build({}, { traits: ['long'] });
  // @ts-expect-error a factory without transient parameters takes none
  WriterFactory.build({}, { transient: { volume: 1 } });
  // @ts-expect-error a nested partial is checked against the related model
  NovelFactory.build({ writer: { nam: 'Ada' } });
  class Schedule {
    @Field() slots!: Map<string, number>;
    @Field({ items: () => Date }) holidays!: Date[];
  }
  @Factory(Schedule)
  class ScheduleFactory extends BaseFactory<Schedule> {}
  ScheduleFactory.build({ slots: new Map(), holidays: [new Date()] });
  // @ts-expect-error a Map is overridden by a Map only
  ScheduleFactory.build({ slots: { size: 3 } });
  // @ts-expect-error dates are not partials
  ScheduleFactory.build({ holidays: [{}] });
  // @ts-expect-error the overrides an index function returns are checked
  NovelFactory.batch(2, (i) => ({ pagez: i }));
  // @ts-expect-error so are those of a list
  NovelFactory.batch(2, [{ pages: 'many' }]);

  class WrongSequence extends BaseFactory<Novel> {
    // @ts-expect-error a @Sequence must produce the field's type
    @Sequence((n) => n) title!: string;
    // @ts-expect-error so must a @Lazy
    @Lazy(() => 'many') pages!: number;
  }
  void WrongSequence;
}

describe('types of generation power', () => {
  it('accepts typed traits, transient parameters and nested partials', () => {
    const novel = NovelFactory.build({ writer: { name: 'Ada' } }, { traits: ['long'], transient: { volume: 3 } });
    expect(novel).to.include({ title: 'Volume 3', pages: 900 });
    expect(novel.writer.name).to.equal('Ada');
    expect(compileOnly).to.be.a('function');
  });
});
