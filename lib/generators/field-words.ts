/**
 * The whole words of a field name, lower-cased: camelCase, PascalCase, snake_case, kebab-case and
 * acronyms split alike (`IPAddress`, `ip_address` and `ipAddress` are all `ip address`).
 */
export function fieldWords(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((word) => word.toLowerCase());
}

/** Where `words` contains `phrase` as consecutive words, or -1. */
export function indexOfPhrase(words: readonly string[], phrase: readonly string[]): number {
  outer: for (let start = 0; start + phrase.length <= words.length; start++) {
    for (let i = 0; i < phrase.length; i++) if (words[start + i] !== phrase[i]) continue outer;
    return start;
  }
  return -1;
}
