// Loaded into Stryker's test runner processes (mochaOptions.require in stryker.config.mjs).
//
// Stryker's mocha runner learns which tests cover a mutant from the test that is running when the
// mutant's code runs: it sets the test in a root beforeEach and never clears it. Code run by a
// describe's `before` hook (rows created once, then checked by the suite's tests) is therefore
// charged to whatever test ran last, often in another spec file, or to none (a static mutant, left
// out). Stryker then tests such a mutant with a test that never runs that hook, and it survives
// although the suite detects it. Here a `before` hook's coverage is charged to every test of its
// suite that ran: when any of them is selected, mocha runs the hook again.
const { Suite } = require('mocha');

const beforeAll = Suite.prototype.beforeAll;
let hooks = 0;

function context() {
  return globalThis.__stryker__ ?? (globalThis.__stryker__ = {});
}

Suite.prototype.beforeAll = function (title, fn) {
  if (typeof title === 'function') {
    fn = title;
    title = fn.name;
  }
  // A hook of the root suite would charge every test of every file: leave those as they were.
  if (this.root || typeof fn !== 'function') return beforeAll.call(this, title, fn);
  const suite = this;
  const key = `before hook ${++hooks}: ${suite.fullTitle()}`;
  if (!suite.chargesBeforeHooks) {
    suite.chargesBeforeHooks = [];
    // Runs once the suite's tests have run; the dry run reads the coverage after the whole run.
    suite.afterAll(function chargeBeforeHooksToTests() {
      const perTest = context().mutantCoverage?.perTest;
      if (!perTest) return;
      const ran = [];
      suite.eachTest((test) => {
        if (test.state === 'passed' || test.state === 'failed') ran.push(test.fullTitle());
      });
      for (const hookKey of suite.chargesBeforeHooks) {
        const covered = perTest[hookKey];
        if (!covered) continue;
        delete perTest[hookKey];
        for (const testId of ran) {
          const counts = (perTest[testId] ??= {});
          for (const [mutant, hits] of Object.entries(covered)) counts[mutant] = (counts[mutant] ?? 0) + hits;
        }
      }
    });
  }
  suite.chargesBeforeHooks.push(key);
  const charged = function (...args) {
    context().currentTestId = key; // the next test's root beforeEach sets its own
    return fn.apply(this, args);
  };
  // Mocha tells a callback hook (done) from a promise hook by its arity.
  Object.defineProperty(charged, 'length', { value: fn.length });
  return beforeAll.call(this, title, charged);
};
