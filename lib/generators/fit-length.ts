import type { Faker } from '@faker-js/faker';
import type { GenerationContext, ValueGenerator } from './design-type.js';

/** How a string generator may be made to fit a column. */
export interface FitStrategy {
  /** Running text: trimmed at a word boundary at once. */
  prose?: boolean;
  /** Words (names, cities, companies): redrawn first, then trimmed at a word boundary. */
  words?: boolean;
  /** A shorter variant of the format to try when redraws are all too long. */
  shorter?: (faker: Faker, maxLength: number) => string | undefined;
  /** Called with a value that is too long when nothing fits: throws the error naming the column. */
  cannotFit(example: string): never;
}

/** Redraws before trying a shorter variant or trimming. */
const redraws = 20;

/**
 * Prose cut at the last word boundary within `maxLength`, without trailing whitespace or a dangling
 * comma or dash; undefined when even its first word is longer.
 */
export function trimAtWord(text: string, maxLength: number): string | undefined {
  const clean = text.trimEnd();
  if (clean.length <= maxLength) return clean;
  const head = clean.slice(0, maxLength + 1);
  const boundary = head.search(/\s\S*$/);
  if (boundary <= 0) return undefined;
  const cut = head.slice(0, boundary).replace(/[\s,;:\-–]+$/, '');
  return cut.length > 0 ? cut : undefined;
}

/**
 * A generator whose strings never exceed `maxLength`: a value that fits is kept as drawn. Prose that
 * does not is trimmed at a word boundary (a single short word when its first word is too long);
 * words and formats are redrawn, then a shorter variant is tried, then words are trimmed at a word
 * boundary. A format that cannot fit is an error,
 * never a cut value.
 */
export function fitToLength(generate: ValueGenerator, maxLength: number, strategy: FitStrategy): ValueGenerator {
  return (ctx: GenerationContext) => {
    let value = generate(ctx);
    if (typeof value !== 'string' || value.length <= maxLength) return value;
    if (strategy.prose) return trimmedProse(ctx, value, maxLength);
    for (let attempt = 1; attempt < redraws; attempt++) {
      const next = generate(ctx);
      if (typeof next !== 'string' || next.length <= maxLength) return next;
      value = next;
    }
    const text = value as string;
    const shorter = strategy.shorter?.(ctx.faker, maxLength);
    if (shorter !== undefined && shorter.length <= maxLength) return shorter;
    const trimmed = strategy.words ? trimAtWord(text, maxLength) : undefined;
    if (trimmed !== undefined) return trimmed;
    return strategy.cannotFit(text);
  };
}

function trimmedProse(ctx: GenerationContext, text: string, maxLength: number): string {
  return trimAtWord(text, maxLength) ?? ctx.faker.lorem.word({ length: { min: 1, max: Math.max(1, maxLength) } }).slice(0, maxLength);
}
