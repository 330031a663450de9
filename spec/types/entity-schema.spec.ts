/**
 * Type-level specs of @Factory with a MikroORM EntitySchema or defineEntity result. Each
 * `@ts-expect-error` line must fail to compile, else `tsc` reports the directive as unused.
 */
import 'reflect-metadata';
import { expect } from 'chai';
import type { InferEntity } from '@mikro-orm/core';
import { BaseFactory, Factory } from 'fixtory';
import { Gadget, GadgetSchema, Staff, Tool } from '../integration/support/entity-kinds.js';

@Factory(GadgetSchema)
class TypedGadgetFactory extends BaseFactory<Gadget> {}

@Factory(Tool)
class TypedToolFactory extends BaseFactory<InferEntity<typeof Tool>> {}

describe('types of @Factory with an EntitySchema', () => {
  it('types results as the entity the schema describes, and refuses a factory of another model', () => {
    const gadget: Gadget = TypedGadgetFactory.build({ label: 'lamp' });
    const tool = TypedToolFactory.build({ name: 'saw' });
    const name: string = tool.name;
    const price: string = tool.price;
    // @ts-expect-error the result is a Gadget, not a Staff
    const wrong: Staff = TypedGadgetFactory.build();
    // @ts-expect-error an override key the schema's entity does not have
    TypedToolFactory.build({ nmae: 'typo' });

    // @ts-expect-error a schema of Gadget cannot register a factory of Staff
    @Factory(GadgetSchema)
    abstract class MismatchedFactory extends BaseFactory<Staff> {}

    void [wrong, MismatchedFactory];
    expect([gadget.label, name, typeof price]).to.deep.equal(['lamp', 'saw', 'string']);
  });
});
