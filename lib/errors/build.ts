import { reasonOf } from './describe.js';
import { FactoryException } from './factory-exception.js';

/** A field marked @Require() was not given in the overrides of a build. */
export class MissingBuildKwargException extends FactoryException {
  static forField(factory: string, field: string): MissingBuildKwargException {
    return new MissingBuildKwargException(
      `${factory} requires '${field}' to be passed: call ${factory}.build({ ${field}: ... }) ` +
        `(it is marked @Require()).`,
    );
  }
}

/** A hook of the factory (`afterBuild`, `beforeCreate`, `afterCreate`) threw or rejected; its error is the `cause`. */
export class HookException extends FactoryException {
  static failed(factory: string, phase: string, index: number, cause: unknown): HookException {
    const when: Record<string, string> = {
      afterCreate: ', after the save: the rows were saved and stay saved (nothing is rolled back)',
      beforeCreate: ', before the save: nothing was saved',
    };
    return new HookException(`${factory}'s ${phase} hook threw for instance ${index}${when[phase] ?? ''}: ${reasonOf(cause)}`, { cause });
  }
}
