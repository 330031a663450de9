import type { Faker } from '@faker-js/faker';
import { hintFor, type HintKind, type ResolvedHint } from './hints.js';

/** Where a generator's values come from, for explain() and for the unique and length strategies. */
export interface GeneratorSource {
  /** 'hint' (a name hint matched), 'type' (the default of the field's type), 'column type' (an ORM column). */
  from: 'hint' | 'type' | 'column type';
  /** The generator, as explain() shows it. */
  generator: string;
  /** The hint the values come from (the kind's default when none matched). */
  hint?: ResolvedHint;
}

/** A generator that needs only the field's faker stream (a ValueGenerator accepts it). */
type StreamGenerator = (ctx: { readonly faker: Faker }) => unknown;

const sources = new WeakMap<Function, GeneratorSource>();

export function withSource<G extends Function>(generate: G, source: GeneratorSource): G {
  sources.set(generate, source);
  return generate;
}

export function sourceOf(generate: unknown): GeneratorSource | undefined {
  return typeof generate === 'function' ? sources.get(generate) : undefined;
}

/** The generator of a field of a kind from the hint table: by the field's name, else the kind's default. */
export function hintedGenerator(field: string, kind: HintKind, integerOnly = false, model?: string): StreamGenerator {
  const hint = hintFor(field, kind, integerOnly, model);
  const generator = hint.matched ? `${hint.describe} (hint '${hint.matched}')` : hint.describe;
  return withSource((ctx) => hint.generate(ctx.faker), { from: hint.matched ? 'hint' : 'type', generator, hint });
}
