import type { UniqueFallback } from './hint-table.js';
import { trimAtWord } from './fit-length.js';

/**
 * A value made distinct by the number `n` in a way that keeps its format and its column's length,
 * or undefined when it cannot (the column is too short, or the format only allows a redraw).
 */
type Distinguish = (value: string, n: number, maxLength: number) => string | undefined;

/** `value` shortened (by `shorten`) so that `suffix` fits after it within `maxLength`. */
function withSuffix(value: string, suffix: string, maxLength: number, shorten: (text: string, room: number) => string | undefined): string | undefined {
  const room = maxLength - suffix.length;
  if (room < 1) return undefined;
  const head = value.length <= room ? value : shorten(value, room);
  return head ? `${head}${suffix}` : undefined;
}

const cut = (text: string, room: number) => text.slice(0, room);
/** Cut back to the last separator within room (a slug or username never ends in a separator). */
const cutAtSeparator = (separators: RegExp) => (text: string, room: number) => text.slice(0, room).replace(separators, '') || undefined;

/** The fallbacks, by name: what a unique string becomes when redraws keep giving used values. */
export const uniqueFallbacks: Record<UniqueFallback, Distinguish> = {
  email: (value, n, maxLength) => {
    const at = value.lastIndexOf('@');
    if (at <= 0) return undefined;
    const domain = value.slice(at);
    const local = withSuffix(value.slice(0, at), `+${n}`, maxLength - domain.length, cutAtSeparator(/[._-]+$/));
    return local && `${local}${domain}`;
  },
  url: (value, n, maxLength) => withSuffix(value.replace(/\/+$/, ''), `/${n}`, maxLength, () => undefined),
  slug: (value, n, maxLength) => withSuffix(value, `-${n}`, maxLength, cutAtSeparator(/-+$/)),
  username: (value, n, maxLength) => withSuffix(value, `_${n}`, maxLength, cutAtSeparator(/[._-]+$/)),
  // Plain text: "word 12"; where the column is too short for a space, "wo12"; shorter still, the number alone in base 36.
  words: (value, n, maxLength) =>
    withSuffix(value.trimEnd(), ` ${n}`, maxLength, (text, room) => trimAtWord(text, room) ?? cut(text, room)) ??
    withSuffix(value.trimEnd(), String(n), maxLength, cut) ??
    (n.toString(36).length <= maxLength ? n.toString(36) : undefined),
  redraw: () => undefined,
};
