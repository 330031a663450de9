// README "coverage()": every enum member and both booleans, in the fewest instances.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, type Traits } from 'fixtory';

enum Size {
  S = 'S',
  M = 'M',
  L = 'L',
  XL = 'XL',
}

// README block

// README block
expect(new Set(shirts.map((shirt) => shirt.size))).to.deep.equal(new Set(Object.values(Size)));
expect(new Set(shirts.map((shirt) => shirt.color))).to.deep.equal(new Set(['red', 'blue']));
expect(new Set(shirts.map((shirt) => shirt.organic))).to.deep.equal(new Set([true, false]));
