import { ParameterException } from '../errors.js';
import { plansChanged } from '../inspect/plan-version.js';
import { fieldWords, indexOfPhrase } from './field-words.js';
import { builtinHints, fallbackHint, type HintDefinition, type HintKind, type UniqueFallback } from './hint-table.js';

export type { HintDefinition, HintKind, UniqueFallback } from './hint-table.js';

/** A hint chosen for a field, with what explain() says of it. */
export interface ResolvedHint extends HintDefinition {
  kind: HintKind;
  unique: UniqueFallback;
  describe: string;
  /** The hint name that matched ('company name'), or undefined for the fallback of the kind. */
  matched?: string;
}

interface Entry {
  phrase: string[];
  name: string;
  definition: HintDefinition;
}

function entriesOf(names: readonly string[], definition: HintDefinition): Entry[] {
  return names.map((name) => {
    const phrase = fieldWords(name);
    return { phrase, name: phrase.join(' '), definition };
  });
}
/** The user's entries, checked before the built-in ones. */
let registered: Entry[] = [];

function checkDefinition(where: string, names: readonly unknown[], definition: unknown): void {
  if (names.length === 0 || names.some((name) => typeof name !== 'string' || fieldWords(name).length === 0)) {
    throw ParameterException.invalidArgument(where, 'a field name or a list of them (words such as "sku" or "order number")', names);
  }
  const def = definition as HintDefinition | undefined;
  if (typeof def !== 'object' || def === null || typeof def.generate !== 'function') {
    throw ParameterException.invalidArgument(where, 'a hint definition { generate: (faker) => value, kind?, unique?, prose? }', definition);
  }
  if (def.kind !== undefined && !['string', 'number', 'date'].includes(def.kind)) {
    throw ParameterException.invalidOption(where, 'kind', "'string', 'number' or 'date'", def.kind);
  }
  if (def.unique !== undefined && !['email', 'url', 'slug', 'username', 'words', 'redraw'].includes(def.unique)) {
    throw ParameterException.invalidOption(where, 'unique', "'email', 'url', 'slug', 'username', 'words' or 'redraw'", def.unique);
  }
}

/**
 * Adds or replaces a hint: fields whose name contains one of `names` as whole words (`sku`,
 * `order number`) get values from `definition.generate`, in every factory. Registered hints win
 * over built-in ones of the same name and length.
 */
export function registerHint(names: string | readonly string[], definition: HintDefinition): void {
  const list: readonly string[] = Array.isArray(names) ? names : [names as string];
  checkDefinition('registerHint', list, definition);
  const added = entriesOf(list, definition);
  registered = [...added, ...registered.filter((e) => !(added.some((a) => a.name === e.name) && (e.definition.kind ?? 'string') === (definition.kind ?? 'string')))];
  plansChanged(); // plans chose their generators: let them choose again
}

/** Removes registered hints by name, or all of them; built-in hints stay. */
export function unregisterHint(names?: string | readonly string[]): void {
  if (names === undefined) registered = [];
  else {
    const gone = new Set((typeof names === 'string' ? [names] : names).map((name) => fieldWords(name).join(' ')));
    registered = registered.filter((e) => !gone.has(e.name));
  }
  plansChanged();
}

/** Whether the phrase occurs in the words and reaches into the field's own words. */
function endsInField(words: readonly string[], phrase: readonly string[], modelLength: number): boolean {
  for (let from = 0; from < words.length; from++) {
    const at = indexOfPhrase(words.slice(from), phrase);
    if (at < 0) return false;
    if (from + at + phrase.length > modelLength) return true;
    from += at;
  }
  return false;
}

function resolved(definition: HintDefinition, kind: HintKind, matched?: string): ResolvedHint {
  return { ...definition, kind, unique: definition.unique ?? 'redraw', describe: definition.describe ?? matched ?? kind, matched };
}

/**
 * The hint for a field of a kind: the entry whose name, as whole words, occurs in the field's name
 * with the most words (registered entries first, then the table's order), else the kind's default.
 * With the model's name, a name may start in it (`Company.name` is a company name, `Book.title` a
 * book title) but must end in the field's. `integerOnly` skips number hints that give fractions.
 */
export function hintFor(field: string, kind: HintKind, integerOnly = false, model?: string): ResolvedHint {
  const modelWords = model ? fieldWords(model) : [];
  const words = [...modelWords, ...fieldWords(field)];
  let best: Entry | undefined;
  const builtin = builtinHints().flatMap(([names, definition]) => entriesOf(names, definition));
  for (const entry of [...registered, ...builtin]) {
    if ((entry.definition.kind ?? 'string') !== kind) continue;
    if (integerOnly && !entry.definition.integer) continue;
    if (best && entry.phrase.length <= best.phrase.length) continue;
    const found = entry.definition.fieldOnly ? indexOfPhrase(words.slice(modelWords.length), entry.phrase) >= 0 : endsInField(words, entry.phrase, modelWords.length);
    if (found) best = entry;
  }
  return best ? resolved(best.definition, kind, best.name) : resolved(fallbackHint(kind), kind);
}
