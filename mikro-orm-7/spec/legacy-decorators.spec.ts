import { Utils } from '@mikro-orm/core';
import { expect } from 'chai';
import { main, Novel, Writer } from '../samples/legacy-decorators.js';

describe('MikroORM 7 with legacy decorators (samples/legacy-decorators.ts)', () => {
  it('runs on MikroORM 7 under Node 22', () => {
    expect(Utils.getORMVersion()).to.match(/^7\./);
    expect(process.versions.node).to.match(/^22\./);
  });

  it('creates entities with their relations from MikroORM 7 metadata, and reads them back', async () => {
    const { ada, novels, adasNovels, writers } = await main();
    expect(ada).to.be.instanceOf(Writer);
    expect(ada.id).to.be.a('number');
    expect(ada.active).to.be.a('boolean');
    expect(novels).to.have.length(3);
    [...novels, ...adasNovels].forEach((novel) => {
      expect(novel).to.be.instanceOf(Novel);
      expect(novel.id).to.be.a('number');
      expect(novel.isbn).to.be.a('string').with.length.of.at.most(13);
    });
    // Ada, then the new writer of each novel of the first batch, each with its novel; Ada has hers.
    expect(writers.map((w) => w.id)).to.deep.equal([ada.id, ...novels.map((n) => n.writer.id)]);
    expect(writers[0]!.name).to.equal('Ada Lovelace');
    expect(writers[0]!.novels.getItems().map((n) => n.id)).to.deep.equal(adasNovels.map((n) => n.id));
    writers.slice(1).forEach((writer, i) => expect(writer.novels.getItems().map((n) => n.id)).to.deep.equal([novels[i]!.id]));
    expect(new Set(writers.map((w) => w.email)).size).to.equal(writers.length);
  });
});
