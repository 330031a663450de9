/**
 * How a persistence handler takes part in the create calls it serves, beyond `save`/`saveMany`.
 * Both members are optional; fixtory calls them with one object per create call (the same object
 * the model adapter sees while it builds that call's instances). Users never call them.
 */

/** Called before anything of a create call is built: a handler that cannot serve the call throws here. */
export const createCallStarted = Symbol.for('fixtory.createCallStarted');

/**
 * Called once everything of a create call is built, before its hooks run: until its save, the
 * handler may keep the call's instances out of reach of other calls.
 */
export const createCallBuilt = Symbol.for('fixtory.createCallBuilt');

/**
 * Called when a create call fails before its save succeeded (a hook, an override function, a
 * generator or the save itself threw): the handler must forget what was built for the call, so
 * that nothing of it is ever written.
 */
export const createCallFailed = Symbol.for('fixtory.createCallFailed');

/**
 * True on a handler whose `saveMany` also takes plain rows: the objects `seedRows(n, { plain: true })`
 * builds instead of class instances (a model adapter decides what a row of its models is).
 */
export const writesPlainRows = Symbol.for('fixtory.writesPlainRows');

export function acceptsPlainRows(handler: object): boolean {
  return (handler as { [writesPlainRows]?: boolean })[writesPlainRows] === true;
}

export interface CreateCallParticipant {
  [createCallStarted]?(call: object): void;
  [createCallBuilt]?(call: object): void;
  [createCallFailed]?(call: object): void;
}

export function startCreateCall(handler: object, call: object): void {
  (handler as CreateCallParticipant)[createCallStarted]?.(call);
}

export function builtCreateCall(handler: object, call: object): void {
  (handler as CreateCallParticipant)[createCallBuilt]?.(call);
}

/** Tells the handler the call failed; a failure of the clean-up itself never hides the call's own error. */
export function failCreateCall(handler: object, call: object): void {
  try {
    (handler as CreateCallParticipant)[createCallFailed]?.(call);
  } catch {
    // The original error is what the caller needs; the handler's clean-up is best effort here.
  }
}
