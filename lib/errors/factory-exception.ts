/** Base of every error fixtory throws on purpose. */
export class FactoryException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
