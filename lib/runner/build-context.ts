import type { GenerationContext } from '../generators/design-type.js';

/** The generation context of one instance; `field` names the field being generated, whose stream `faker` is. */
export interface BuildContext extends GenerationContext {
  field: string;
}
