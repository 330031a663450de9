/** A failure of the CLI itself, shown as its message alone (no stack trace unless --verbose). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
