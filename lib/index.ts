import 'reflect-metadata';
import './inspect/decorated-properties.js';

export { BaseFactory, type ConcreteFactoryClass, type FactoryClass, type FactoryHooks } from './base-factory.js';
export { Factory, type FactoryDecorator } from './decorators/factory.js';
export { Persist } from './decorators/persist.js';
export {
  Use,
  Ignore,
  Require,
  PostGenerated,
  Field,
  Related,
  Sequence,
  Lazy,
  type AnyFieldDecorator,
  type FieldDecorator,
  type DecoratableField,
  type DecoratedFieldType,
} from './decorators/fields.js';
export type { FieldHint, LazyContext, RelatedOptions, RelatedSize } from './fields/markers.js';
export type { HookInfo, Hook, TraitDefinition, Traits } from './runner/call-setup.js';
export { registerProvider, unregisterProvider, type Provider, type ProviderContext, type ProviderKey } from './generators/providers.js';
export { resetUniqueValues } from './generators/unique-values.js';
export { registerHint, unregisterHint, type HintDefinition, type HintKind, type UniqueFallback } from './generators/hints.js';
export { currentReferenceDate, setReferenceDate, REFERENCE_DATE_ENV } from './runner/reference-date.js';
export { formatExplanation, type FieldExplanation } from './runner/explain.js';
export { resetSequences } from './runner/sequences.js';
export { resetStubKeys } from './runner/stub-keys.js';
export { seedAll, currentSeed, SEED_ENV } from './runner/seeds.js';
export { SyncPersistenceProtocol, AsyncPersistenceProtocol, type PersistenceHandler } from './persistence/protocols.js';
export type { AsyncHandlerInput, HandlerInput, PersistOptions, SyncHandlerInput } from './persistence/handler-source.js';
export { FactoryRunner } from './runner/factory-runner.js';
export {
  MikroOrmPersistence,
  MikroOrmSyncPersistence,
  MikroOrmBulkPersistence,
  TestTransaction,
  useMikroOrm,
  fixtorySeeder,
  type SeederClass,
  forgetMikroOrms,
  type EntityManagerSource,
  type MikroOrmPersistenceOptions,
} from './mikro-orm/index.js';
export { registry, type FactoryRegistry, type FactoryRegistration } from './registry/registry.js';
export type { FactoryOptions } from './registry/factory-options.js';
export {
  FactoryException,
  ConfigurationException,
  ParameterException,
  MissingBuildKwargException,
  PersistenceException,
  LintException,
  type LintFailure,
  ParallelSeedException,
  type WrittenBlocks,
  HookException,
  type PersistenceKind,
} from './errors.js';
export type { SeedContext } from './cli/seed-command.js';
export { seedParallel } from './parallel/seed-parallel.js';
export type { ParallelSeedOptions, ParallelSeedSummary } from './parallel/parallel-options.js';
export { lintFactories, type LintOptions, type LintReport } from './lint.js';
export { onFactoryEvent, type BuildEvent, type ChunkEvent, type FactoryEvent, type FactoryEventListener, type FailureEvent, type SaveEvent } from './events.js';
export type { BatchOverrides, BuildOptions, SeedRowsOptions, SeedSummary, StreamOptions, StreamProgress, Constructor, FieldValues, ModelOf, ModelOfFactory, OverrideValue, Overrides, TraitNames, TransientParams } from './types.js';
export type { EntitySchemaLike, ModelSource } from './types.js';
export type { EntityManagerLike, MikroOrmLike } from './mikro-orm/orm-types.js';
