import { ParameterException, nameOf } from '../errors.js';
import type { FieldHint, ValueMarker } from '../fields/markers.js';
import type { Constructor } from '../types.js';
import { prototypeChain } from '../inspect/prototype-chain.js';

/** What decorators declared about one field of one class. */
export interface FieldDeclaration {
  name: string;
  marker?: ValueMarker;
  hint?: FieldHint;
}

const declarationsByPrototype = new WeakMap<object, Map<string, FieldDeclaration>>();

const markerLabel: Record<ValueMarker['kind'], string> = {
  use: 'Use',
  ignore: 'Ignore',
  require: 'Require',
  post: 'PostGenerated',
  related: 'Related',
  sequence: 'Sequence',
  lazy: 'Lazy',
};

function ownDeclaration(prototype: object, name: string): FieldDeclaration {
  let fields = declarationsByPrototype.get(prototype);
  if (!fields) declarationsByPrototype.set(prototype, (fields = new Map()));
  let declaration = fields.get(name);
  if (!declaration) fields.set(name, (declaration = { name }));
  return declaration;
}

/** Records how a field's value is produced. Called by field decorators only. */
export function declareMarker(prototype: object, name: string, marker: ValueMarker): void {
  const declaration = ownDeclaration(prototype, name);
  if (declaration.marker) {
    throw ParameterException.conflictingFieldMarkers(
      nameOf(prototype.constructor),
      name,
      markerLabel[declaration.marker.kind],
      markerLabel[marker.kind],
    );
  }
  declaration.marker = marker;
}

/** Records type information for a field. Called by `@Field` only. */
export function declareHint(prototype: object, name: string, hint: FieldHint): void {
  const declaration = ownDeclaration(prototype, name);
  declaration.hint = { ...declaration.hint, ...hint };
}

/**
 * The fields declared on a class and its ancestors, in declaration order (ancestors first); a
 * subclass's declaration of a field replaces its parent's.
 */
export function declaredFields(cls: Constructor): FieldDeclaration[] {
  const merged = new Map<string, FieldDeclaration>();
  for (const proto of prototypeChain(cls)) {
    for (const [name, declaration] of declarationsByPrototype.get(proto) ?? []) {
      const inherited = merged.get(name);
      merged.set(name, {
        name,
        marker: declaration.marker ?? inherited?.marker,
        hint: declaration.hint || inherited?.hint ? { ...inherited?.hint, ...declaration.hint } : undefined,
      });
    }
  }
  return [...merged.values()];
}
