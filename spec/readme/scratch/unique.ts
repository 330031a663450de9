// README "Unique values": a @Use value is redrawn, never altered; when it keeps repeating, the error
// suggests @Sequence.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Field, Use } from 'fixtory';

let n = 0;
// README block

expect(CodeFactory.batch(3).map((c) => c.code)).to.have.members(['CODE-0', 'CODE-1', 'CODE-2']);
expect(() => CodeFactory.build()).to.throw(ConfigurationException, '@Sequence');
