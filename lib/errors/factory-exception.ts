/** Base of every error fixtory throws on purpose. */
export class FactoryException extends Error {
  /** `Model.field` (or `field 'name'`) the error is about, where one field is. */
  readonly field?: string;

  constructor(message: string, options?: { cause?: unknown; field?: string }) {
    super(message, options);
    this.name = new.target.name;
    if (options?.field !== undefined) this.field = options.field;
  }
}
