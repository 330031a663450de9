// README "Nested overrides": plain objects build nested instances through their factories.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Use } from 'fixtory';

class Writer {
  @Field() name!: string;
  @Field() country!: string;
}
class Chapter {
  @Field() title!: string;
  @Field() pages!: number;
}
class Novel {
  @Field() title!: string;
  @Field() writer!: Writer;
  @Field({ items: () => Chapter }) chapters!: Chapter[];
}
@Factory(Writer)
class WriterFactory extends BaseFactory<Writer> {
  @Use(() => 'Portugal') country!: string;
}
@Factory(Novel)
class NovelFactory extends BaseFactory<Novel> {}

{
// README block
  expect(novel.writer).to.be.instanceOf(Writer).and.include({ name: 'Ada', country: 'Portugal' });
}
{
  const kept = new Chapter();
// README block
  expect(novel.chapters.map((chapter) => chapter.title).slice(0, 1)).to.deep.equal(['One']);
  expect(novel.chapters[1]!.pages).to.equal(7);
  expect(novel.chapters[2]).to.equal(kept);
}
