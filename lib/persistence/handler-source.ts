import { ConfigurationException, FactoryException, ParameterException, nameOf, type PersistenceKind } from '../errors.js';
import { AsyncPersistenceProtocol, SyncPersistenceProtocol, type PersistenceHandler } from './protocols.js';

/** A sync handler, a class of them, or a lazy provider of one. */
export type SyncHandlerInput<T> = SyncPersistenceProtocol<T> | (new () => SyncPersistenceProtocol<T>) | (() => SyncPersistenceProtocol<T>);

/** An async handler, a class of them, or a lazy provider of one. */
export type AsyncHandlerInput<T> = AsyncPersistenceProtocol<T> | (new () => AsyncPersistenceProtocol<T>) | (() => AsyncPersistenceProtocol<T>);

/** What `@Persist` and `setPersistence` accept: a handler, a handler class, or a lazy provider. */
export type HandlerInput<T> = SyncHandlerInput<T> | AsyncHandlerInput<T>;

export interface PersistOptions {
  /** The protocol of a handler that only `implements` it (or of a lazy provider, to skip resolving it early). */
  kind?: PersistenceKind;
}

/** The protocol kind that a handler's class declares, or undefined when it extends neither. */
export function protocolKindOf(handler: object): PersistenceKind | undefined {
  if (handler instanceof SyncPersistenceProtocol) return 'sync';
  if (handler instanceof AsyncPersistenceProtocol) return 'async';
  return undefined;
}

function protocolKindOfClass(cls: Function): PersistenceKind | undefined {
  const proto: unknown = cls.prototype;
  if (proto instanceof SyncPersistenceProtocol) return 'sync';
  if (proto instanceof AsyncPersistenceProtocol) return 'async';
  return undefined;
}

function isClass(fn: Function): boolean {
  return protocolKindOfClass(fn) !== undefined || /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function hasHandlerMethods(value: object): boolean {
  const candidate = value as { save?: unknown; saveMany?: unknown };
  return typeof candidate.save === 'function' && typeof candidate.saveMany === 'function';
}

/**
 * One configured handler: knows how to produce the handler object for a create call and, once it
 * can tell, which protocol it serves. Instances and classes are checked when configured; lazy
 * providers when first resolved.
 */
export class HandlerSource<T = unknown> {
  private constructor(
    private readonly owner: string,
    private readonly produce: () => PersistenceHandler<T>,
    private readonly declaredKind: PersistenceKind | undefined,
    private readonly lazy: boolean,
    /** What produces the handler, for messages: 'the constructor of handler class X', 'its handler provider'. */
    private readonly producer = 'its persistence handler',
  ) {}

  /** For a lazy provider: the kind its first resolved handler had. */
  private learnedKind: PersistenceKind | undefined;

  /** Validates `input` as configured on `owner` (a factory name, or 'the global default'). */
  static from<T>(owner: string, where: string, input: unknown, options: PersistOptions = {}): HandlerSource<T> {
    if (options.kind !== undefined && options.kind !== 'sync' && options.kind !== 'async') {
      throw ParameterException.invalidOption(where, 'kind', "'sync' or 'async'", options.kind);
    }
    if (typeof input === 'function') {
      if (isClass(input)) return HandlerSource.fromClass<T>(owner, where, input as new () => PersistenceHandler<T>, options);
      if (input.length > 0) throw ParameterException.invalidHandler(where, input);
      const provider = input as () => unknown;
      const producer = `its handler provider${provider.name ? ` ${provider.name}` : ''}`;
      return new HandlerSource<T>(owner, () => HandlerSource.checkResolved(owner, where, provider()), options.kind, true, producer);
    }
    if (input === null || typeof input !== 'object' || !hasHandlerMethods(input)) {
      throw ParameterException.invalidHandler(where, input);
    }
    const handler = input as PersistenceHandler<T>;
    return new HandlerSource<T>(owner, () => handler, HandlerSource.checkKind(owner, protocolKindOf(handler), options.kind, handler), false);
  }

  private static fromClass<T>(owner: string, where: string, cls: new () => PersistenceHandler<T>, options: PersistOptions): HandlerSource<T> {
    if (cls.length > 0) throw ConfigurationException.handlerClassNeedsArguments(owner, cls.name);
    if (!hasHandlerMethods(cls.prototype)) throw ParameterException.invalidHandler(where, cls);
    const kind = HandlerSource.checkKind(owner, protocolKindOfClass(cls), options.kind, cls);
    return new HandlerSource<T>(owner, () => new cls(), kind, false, `the constructor of handler class ${nameOf(cls)}`);
  }

  private static checkResolved(owner: string, where: string, value: unknown): PersistenceHandler<never> {
    if (value === null || typeof value !== 'object' || !hasHandlerMethods(value)) {
      throw ParameterException.invalidHandler(`${where} (the value its provider returned)`, value);
    }
    return value as PersistenceHandler<never>;
  }

  private static checkKind(
    owner: string,
    actual: PersistenceKind | undefined,
    declared: PersistenceKind | undefined,
    handler: unknown,
  ): PersistenceKind {
    if (actual && declared && actual !== declared) throw ConfigurationException.kindMismatch(owner, declared, actual);
    const kind = actual ?? declared;
    if (!kind) throw ConfigurationException.unknownHandlerKind(owner, handler);
    return kind;
  }

  /** The kind, if known without resolving a lazy provider. */
  get knownKind(): PersistenceKind | undefined {
    return this.declaredKind ?? this.learnedKind;
  }

  /**
   * Produces the handler for one create call (of the factory `caller`) and checks (or learns) its
   * kind. A handler class or provider that throws becomes a ConfigurationException naming the factory.
   */
  resolve(caller: string = this.owner): { handler: PersistenceHandler<T>; kind: PersistenceKind } {
    let handler: PersistenceHandler<T>;
    try {
      handler = this.produce();
    } catch (error) {
      throw error instanceof FactoryException ? error : ConfigurationException.handlerUnavailable(caller, this.owner, this.producer, error);
    }
    if (!this.lazy) return { handler, kind: this.declaredKind! };
    const kind = HandlerSource.checkKind(this.owner, protocolKindOf(handler), this.declaredKind, handler);
    if (this.learnedKind && this.learnedKind !== kind) {
      throw ConfigurationException.providerChangedKind(this.owner, this.learnedKind, kind);
    }
    this.learnedKind = kind;
    return { handler, kind };
  }
}
