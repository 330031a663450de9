import { ConfigurationException } from '../errors.js';
import { enumGenerator, generatorForType, Unresolvable, type GenerationContext } from '../generators/design-type.js';
import type { ModelFields } from '../inspect/model-fields.js';
import type { FieldValues } from '../types.js';

/** How one field gets its value when the caller does not override it. */
export type FieldStep =
  | { kind: 'generate'; generate: (ctx: GenerationContext) => unknown }
  | { kind: 'post'; generate: (ctx: GenerationContext, values: FieldValues) => unknown }
  | { kind: 'require' }
  | { kind: 'ignore' };

export interface PlannedField {
  name: string;
  step: FieldStep;
}

/** Which generator serves each field of a factory: computed once per factory, run per instance. */
export interface BuildPlan {
  /** Fields generated first, in declaration order. */
  fields: PlannedField[];
  /** `@PostGenerated` fields, run after all others. */
  postGenerated: PlannedField[];
  /** Every field name the plan knows. */
  names: ReadonlySet<string>;
  /** Whether an override outside `names` is an error. */
  complete: boolean;
}

function unresolvableStep(factory: string, model: string | undefined, field: string, reason: string): FieldStep {
  return {
    kind: 'generate',
    generate: () => {
      throw ConfigurationException.cannotInfer(factory, model, field, reason);
    },
  };
}

export function planBuild(factory: string, model: string | undefined, inspected: ModelFields): BuildPlan {
  const fields: PlannedField[] = [];
  const postGenerated: PlannedField[] = [];
  for (const info of inspected.fields) {
    const marker = info.declaration?.marker;
    switch (marker?.kind) {
      case 'use':
        fields.push({ name: info.name, step: { kind: 'generate', generate: () => marker.fn(...marker.args) } });
        break;
      case 'post':
        postGenerated.push({
          name: info.name,
          step: { kind: 'post', generate: (_ctx, values) => marker.fn(info.name, values, ...marker.args) },
        });
        break;
      case 'require':
      case 'ignore':
        fields.push({ name: info.name, step: { kind: marker.kind } });
        break;
      case undefined: {
        const generator = info.enum ? enumGenerator(info.enum) : generatorForType(info.name, info.type, info.items);
        const step: FieldStep =
          generator instanceof Unresolvable
            ? unresolvableStep(factory, model, info.name, generator.reason)
            : { kind: 'generate', generate: generator };
        fields.push({ name: info.name, step });
      }
    }
  }
  const names = new Set(inspected.fields.map((f) => f.name));
  return { fields, postGenerated, names, complete: inspected.complete };
}
