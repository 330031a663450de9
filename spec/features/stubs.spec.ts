import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, ParameterException, Persist, resetStubKeys, seedAll } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';
import { MemoryAsync } from '../support/memory-persistence.js';

class Team {
  @Field() id!: number;
  @Field() name!: string;
}

class Player {
  @Field() id!: number;
  @Field() team!: Team;
  @Field() nickname!: string;
}

const store = new MemoryAsync<Player>();

@Factory(Player)
@Persist(store)
class PlayerFactory extends BaseFactory<Player> {}

describe('stub() on plain models', () => {
  beforeEach(() => resetStubKeys());

  it('gives the `id` of the model and of every model it nests a key counted down from 2,147,483,647, and saves nothing', () => {
    const player = PlayerFactory.stub({ nickname: 'Ace' });
    expect(player).to.be.instanceOf(Player);
    expect(player.nickname).to.equal('Ace');
    expect(player.id).to.equal(2_147_483_647);
    expect(player.team).to.be.instanceOf(Team);
    expect(player.team.id).to.equal(2_147_483_647);
    expect(PlayerFactory.stubBatch(2).map((p) => p.id)).to.deep.equal([2_147_483_646, 2_147_483_645]);
    expect(store.calls).to.deep.equal([]);
  });

  it('restarts its keys with resetStubKeys() and seedAll()', () => {
    PlayerFactory.stub();
    resetStubKeys();
    expect(PlayerFactory.stub().id).to.equal(2_147_483_647);
    seedAll(5);
    expect(PlayerFactory.stub().id).to.equal(2_147_483_647);
  });

  it('checks its arguments like build and batch', () => {
    expectThrows(() => PlayerFactory.stubBatch(-1), ParameterException, 'PlayerFactory.stubBatch', 'size');
    expectThrows(() => PlayerFactory.stub('ace' as never), ParameterException, 'PlayerFactory.stub', 'overrides');
    expect(PlayerFactory.stub({ id: 7 }).id).to.equal(7);
  });
});
