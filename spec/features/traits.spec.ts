import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Field, ParameterException, Persist, type Traits } from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync } from '../support/memory-persistence.js';

class Member {
  @Field() name!: string;
  @Field({ enum: ['member', 'admin', 'owner'] }) role!: string;
  @Field() active!: boolean;
  @Field() notes!: string;
}

const saved = new MemoryAsync<Member>();

@Factory(Member)
@Persist(saved)
class MemberFactory extends BaseFactory<Member> {
  static traits = {
    admin: { overrides: { role: 'admin' } },
    suspended: { overrides: { active: false }, afterBuild: (m: Member) => void (m.notes = 'suspended by trait') },
    owner: { traits: ['admin'], overrides: { role: 'owner', name: 'The Owner' } },
  } satisfies Traits<Member>;
}

@Factory(Member)
class LoopingFactory extends BaseFactory<Member> {
  static traits = { a: { traits: ['b'] }, b: { traits: ['a'] } } satisfies Traits<Member>;
}

describe('traits', () => {
  it('applies a trait’s overrides', () => {
    expect(MemberFactory.build({}, { traits: ['admin'] }).role).to.equal('admin');
  });

  it('composes traits in order, included traits first, and lets the caller’s overrides win', () => {
    const owner = MemberFactory.build({}, { traits: ['owner', 'suspended'] });
    expect(owner).to.include({ role: 'owner', name: 'The Owner', active: false, notes: 'suspended by trait' });
    expect(MemberFactory.build({ role: 'member' }, { traits: ['admin'] }).role).to.equal('member');
  });

  it('lets a trait asked for later win over one an earlier trait included', () => {
    expect(MemberFactory.build({}, { traits: ['owner', 'admin'] }).role).to.equal('admin');
  });

  it('gives each instance its own copy of a trait’s arrays and objects', () => {
    @Factory()
    class TaggedFactory extends BaseFactory<{ tags: string[] }> {
      static traits = { plain: { overrides: { tags: [] as string[] } } } satisfies Traits<{ tags: string[] }>;
      @Field({ items: () => String }) tags!: string[];
    }
    TaggedFactory.build({}, { traits: ['plain'] }).tags.push('leaked');
    expect(TaggedFactory.build({}, { traits: ['plain'] }).tags).to.deep.equal([]);
  });

  it('checks a trait’s overrides like the caller’s', () => {
    @Factory()
    class StrictFactory extends BaseFactory<{ a: string }> {
      static traits = { typo: { overrides: { b: 'x' } as never } };
      @Field() a!: string;
    }
    expectThrows(() => StrictFactory.build({}, { traits: ['typo'] }), ParameterException, "no field 'b'");
  });

  it('runs a trait’s hooks, in batches and create calls too', async () => {
    MemberFactory.batch(2, {}, { traits: ['suspended'] }).forEach((m) => expect(m.notes).to.equal('suspended by trait'));
    const member = await MemberFactory.createAsync({}, { traits: ['suspended'] });
    expect(saved.rows.at(-1)).to.equal(member);
    expect(member.notes).to.equal('suspended by trait');
  });

  it('rejects an unknown trait with ParameterException listing the known ones', async () => {
    expectThrows(() => MemberFactory.build({}, { traits: ['superuser' as 'admin'] }), ParameterException, "unknown trait 'superuser'", 'admin, suspended, owner');
    await expectRejects(MemberFactory.createAsync({}, { traits: ['nope' as 'admin'] }), ParameterException, 'MemberFactory.createAsync');
  });

  it('refuses traits that include each other', () => {
    expectThrows(() => LoopingFactory.build({}, { traits: ['a'] }), ConfigurationException, 'a -> b -> a');
  });

  it('rejects build options of the wrong shape', () => {
    expectThrows(() => MemberFactory.build({}, 'admin' as never), ParameterException, 'build options must be an object');
    expectThrows(() => MemberFactory.build({}, { traits: 'admin' } as never), ParameterException, "option 'traits'");
    expectThrows(() => MemberFactory.build({}, { trait: ['admin'] } as never), ParameterException, 'build options must be an object { traits?, transient? }');
  });
});
