import { ParameterException } from '../errors.js';
import type { FieldHint, ValueMarker } from '../fields/markers.js';
import type { Constructor } from '../types.js';
import { prototypeChain } from '../inspect/prototype-chain.js';
import { ownDecoratorMetadata, sharedSlot } from './field-store.js';

/** What decorators declared about one field of one class. */
export interface FieldDeclaration {
  name: string;
  marker?: ValueMarker;
  hint?: FieldHint;
  /** Declared with ES (TC39) decorators, which get no `design:type`. */
  es?: boolean;
}

/**
 * Where a field decorator was applied: the owner its declarations are kept under (the prototype
 * for legacy decorators, the class's decorator metadata object for ES ones), the field's name,
 * and how messages name it.
 */
export interface FieldSite {
  owner: object;
  name: string;
  where: string;
  es: boolean;
}

/** Declarations per owner: a prototype (legacy decorators) or a class's decorator metadata object (ES decorators). */
const declarationsByOwner = sharedSlot('declarations', () => new WeakMap<object, Map<string, FieldDeclaration>>());

const markerLabel: Record<ValueMarker['kind'], string> = {
  use: 'Use',
  ignore: 'Ignore',
  require: 'Require',
  post: 'PostGenerated',
  related: 'Related',
  sequence: 'Sequence',
  lazy: 'Lazy',
};

function ownDeclaration(site: FieldSite): FieldDeclaration {
  let fields = declarationsByOwner.get(site.owner);
  if (!fields) declarationsByOwner.set(site.owner, (fields = new Map()));
  let declaration = fields.get(site.name);
  if (!declaration) fields.set(site.name, (declaration = { name: site.name, ...(site.es ? { es: true } : {}) }));
  return declaration;
}

/** Records how a field's value is produced. Called by field decorators only. */
export function declareMarker(site: FieldSite, marker: ValueMarker): void {
  const declaration = ownDeclaration(site);
  if (declaration.marker) {
    throw ParameterException.conflictingFieldMarkers(site.where, markerLabel[declaration.marker.kind], markerLabel[marker.kind]);
  }
  declaration.marker = marker;
}

/** Records type information for a field. Called by `@Field` only. */
export function declareHint(site: FieldSite, hint: FieldHint): void {
  const declaration = ownDeclaration(site);
  declaration.hint = { ...declaration.hint, ...hint };
}

/** The owners of one class's own declarations: its prototype and its own ES decorator metadata. */
function ownersOf(proto: object): object[] {
  const metadata = ownDecoratorMetadata((proto as { constructor: Function }).constructor);
  return metadata ? [proto, metadata] : [proto];
}

/**
 * The fields declared on a class and its ancestors, in declaration order (ancestors first); a
 * subclass's declaration of a field replaces its parent's.
 */
export function declaredFields(cls: Constructor): FieldDeclaration[] {
  const merged = new Map<string, FieldDeclaration>();
  for (const owner of prototypeChain(cls).flatMap(ownersOf)) {
    for (const [name, declaration] of declarationsByOwner.get(owner) ?? []) {
      const inherited = merged.get(name);
      merged.set(name, {
        name,
        marker: declaration.marker ?? inherited?.marker,
        hint: declaration.hint || inherited?.hint ? { ...inherited?.hint, ...declaration.hint } : undefined,
        ...(declaration.es || inherited?.es ? { es: true } : {}),
      });
    }
  }
  return [...merged.values()];
}
