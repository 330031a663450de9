// README "Decorators and compilers": field decorators and hooks checked against the model (tsc fails
// on an unused @ts-expect-error, so each block's error must be there).
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
  void FactoryPropertyTypeIsNotTheJudge;
}

export function compileOnlyToo(): void {
// README block
  void WrongAfterBuild;
}
