import { ParameterException } from './errors.js';

/**
 * A small, typed event stream of what factories do: what the seeding CLI's progress is built on,
 * and what a user's own instrumentation listens to. Nothing is measured or allocated while
 * nobody listens.
 */

interface EventBase {
  /** The factory's name (its class name). */
  factory: string;
  /** The model's name; undefined for plain-object factories. */
  model: string | undefined;
  /** How long the step took, in milliseconds. */
  durationMs: number;
}

/** Instances built (by build, batch, coverage, or for a create call). */
export interface BuildEvent extends EventBase {
  type: 'build';
  method: string;
  count: number;
}

/** Instances saved by a create call's handler. */
export interface SaveEvent extends EventBase {
  type: 'save';
  method: string;
  count: number;
}

/** One chunk of a stream was saved: `done` of `total` instances so far. */
export interface ChunkEvent extends EventBase {
  type: 'chunk';
  count: number;
  done: number;
  total: number;
}

/** A call failed; `error` is what it threw. */
export interface FailureEvent extends EventBase {
  type: 'failure';
  method: string;
  error: unknown;
}

export type FactoryEvent = BuildEvent | SaveEvent | ChunkEvent | FailureEvent;

export type FactoryEventListener = (event: FactoryEvent) => void;

const listeners = new Set<FactoryEventListener>();

/** Calls `listener` with every factory event from now on; returns the function that stops it. */
export function onFactoryEvent(listener: FactoryEventListener): () => void {
  if (typeof listener !== 'function') throw ParameterException.invalidArgument('onFactoryEvent', 'a function (event) => void', listener);
  const own = (event: FactoryEvent) => listener(event);
  listeners.add(own);
  return () => void listeners.delete(own);
}

/** Whether anybody listens: emitters skip their clocks and event objects when nobody does. */
export function listening(): boolean {
  return listeners.size > 0;
}

/** A clock that only runs while somebody listens. */
export function startClock(): number {
  return listeners.size > 0 ? performance.now() : 0;
}

/** Sends an event, built only when somebody listens; a listener that throws never breaks a call. */
export function emit(make: (durationMs: number) => FactoryEvent, startedAt: number): void {
  if (listeners.size === 0) return;
  const event = make(performance.now() - startedAt);
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      // An observer's own bug must not fail the factory call it observes, but must not go unseen either.
      process.emitWarning(`A fixtory event listener threw on a '${event.type}' event of ${event.factory}: ${String((error as Error)?.message ?? error)}`);
    }
  }
}
