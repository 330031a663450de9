import type { BuildPlan, FieldSource } from './build-plan.js';

/** Where one field's value comes from, as `Factory.explain()` reports it. An override always wins over all of it. */
export interface FieldExplanation extends FieldSource {
  field: string;
  /** The factory's traits that set the field when applied (they win over `from`). */
  traits?: string[];
}

/** The traits of a factory class (its `static traits`) that override each field. */
function traitsByField(factory: Function | undefined): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  const traits = (factory as { traits?: Record<string, { overrides?: object }> } | undefined)?.traits;
  if (traits === null || typeof traits !== 'object') return byField;
  for (const [trait, definition] of Object.entries(traits)) {
    for (const field of Object.keys(definition?.overrides ?? {})) byField.set(field, [...(byField.get(field) ?? []), trait]);
  }
  return byField;
}

/**
 * For every field of a factory's plan: where its value comes from (decorator, provider, hint,
 * type, column type, enum, relation, or left unset), the generator used, how a unique field stays
 * distinct, and which traits set it.
 */
export function explainPlan(plan: BuildPlan, factory: Function | undefined): FieldExplanation[] {
  const traits = traitsByField(factory);
  return [...plan.sources].map(([field, source]) => {
    const explanation: FieldExplanation = { field, ...source };
    if (source.unique === undefined) delete explanation.unique;
    if (traits.has(field)) explanation.traits = traits.get(field);
    return explanation;
  });
}

/** The explanation as aligned text, one field a line. */
export function formatExplanation(rows: readonly FieldExplanation[]): string {
  const width = (pick: (row: FieldExplanation) => string) => Math.max(...rows.map((row) => pick(row).length));
  const fieldWidth = width((r) => r.field);
  const fromWidth = width((r) => r.from);
  return rows
    .map((row) => {
      const extras = [row.unique && `unique: ${row.unique}`, row.traits && `traits: ${row.traits.join(', ')}`].filter(Boolean);
      const tail = extras.length > 0 ? `  (${extras.join('; ')})` : '';
      return `${row.field.padEnd(fieldWidth)}  ${row.from.padEnd(fromWidth)}  ${row.generator}${tail}`;
    })
    .join('\n');
}
