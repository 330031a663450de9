// README "Decorators and compilers": field decorators and hooks checked against the model. Type-level
// blocks: tsc fails on an unused @ts-expect-error, so each block's error must be there; the functions
// that hold them are never called.
import 'reflect-metadata';
import { BaseFactory, Factory, Field, Use } from 'fixtory';

class Author {
  @Field() name!: string;
  @Field() born!: Date;
}
class Publisher {
  @Field() city!: string;
}

export function compileOnly(): void {
// README block
}

export function compileOnlyToo(): void {
// README block
}
