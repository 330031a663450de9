/**
 * The exception hierarchy: FactoryException and its subclasses. Every message is written once, by a
 * named constructor of its class (lib/errors/), and names the factory, the field or method, and what
 * to do about it. The rest of fixtory imports them from here.
 */
export { nameOf } from './errors/describe.js';
export { FactoryException } from './errors/factory-exception.js';
export { ConfigurationException, type PersistenceKind } from './errors/configuration.js';
export { ParameterException } from './errors/parameter.js';
export { PersistenceException, type SaveFailureReport } from './errors/persistence.js';
export { HookException, MissingBuildKwargException } from './errors/build.js';
export { LintException, type LintFailure } from './errors/lint.js';
export { ParallelSeedException, type WrittenBlocks } from './errors/parallel.js';
