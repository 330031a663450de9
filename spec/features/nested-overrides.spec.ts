import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Ignore, Use } from 'fixtory';

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

class TreeNode {
  @Field() name!: string;
  @Field() parent?: TreeNode;
}

@Factory(TreeNode)
class TreeNodeFactory extends BaseFactory<TreeNode> {
  @Ignore() parent?: TreeNode;
}

describe('nested overrides', () => {
  it('builds a self-referencing parent from a partial (the caller asked for it: no cycle)', () => {
    const node = TreeNodeFactory.build({ parent: { name: 'root' } });
    expect(node.parent).to.be.instanceOf(TreeNode);
    expect(node.parent!.name).to.equal('root');
    expect(node.parent!.parent).to.equal(undefined);
    expect(TreeNodeFactory.build({ parent: { parent: { name: 'grandparent' } } }).parent!.parent!.name).to.equal('grandparent');
  });

  it('builds a related instance through its factory with a partial', () => {
    const novel = NovelFactory.build({ writer: { name: 'Ada' } });
    expect(novel.writer).to.be.instanceOf(Writer);
    expect(novel.writer).to.include({ name: 'Ada', country: 'Portugal' });
  });

  it('uses an instance given as it is', () => {
    const writer = WriterFactory.build({ name: 'Given' });
    expect(NovelFactory.build({ writer }).writer).to.equal(writer);
  });

  it('builds one element per partial of a list, keeping given instances', () => {
    const kept = new Chapter();
    const novel = NovelFactory.build({ chapters: [{ title: 'One' }, { pages: 7 }, kept] });
    expect(novel.chapters).to.have.length(3);
    expect(novel.chapters[0]).to.be.instanceOf(Chapter);
    expect(novel.chapters[0]!.title).to.equal('One');
    expect(novel.chapters[1]!.pages).to.equal(7);
    expect(novel.chapters[2]).to.equal(kept);
  });

  it('works in batches and with per-item overrides', () => {
    const novels = NovelFactory.batch(2, (i) => ({ writer: { name: `Writer ${i}` } }));
    expect(novels.map((n) => n.writer.name)).to.deep.equal(['Writer 0', 'Writer 1']);
  });
});
