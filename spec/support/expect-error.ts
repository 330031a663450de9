import { expect } from 'chai';

type ErrorClass = abstract new (...args: any[]) => Error;

function check(error: unknown, type: ErrorClass, words: string[]): Error {
  expect(error, 'expected an error to be thrown').to.be.instanceOf(type);
  const message = (error as Error).message;
  for (const word of words) expect(message).to.include(word);
  return error as Error;
}

/** Asserts that fn throws an instance of `type` whose message contains every one of `words`. */
export function expectThrows(fn: () => unknown, type: ErrorClass, ...words: string[]): Error {
  try {
    fn();
  } catch (error) {
    return check(error, type, words);
  }
  expect.fail(`expected ${type.name} to be thrown`);
}

/** Asserts that the promise rejects with an instance of `type` whose message contains every one of `words`. */
export async function expectRejects(promise: Promise<unknown>, type: ErrorClass, ...words: string[]): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return check(error, type, words);
  }
  expect.fail(`expected ${type.name} to be rejected with`);
}
