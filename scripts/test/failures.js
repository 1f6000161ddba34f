// Prints each failed test of a Jest or Playwright JSON report with the start of its error, so
// a CI log that keeps only the last lines still says what failed and why.
const fs = require('node:fs');

const LINES_PER_FAILURE = 20;
const [kind, file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch {
  process.exit(0);
}

// Terminal colour codes would only clutter a log file.
const plain = text => text.replace(/\u001b\[[0-9;]*m/g, '');
const print = (title, message) => {
  console.log(`-- FAILED ${title}`);
  const lines = plain(message ?? 'no message').split('\n');
  console.log(lines.slice(0, LINES_PER_FAILURE).join('\n'));
};

if (kind === 'jest') {
  for (const suite of report.testResults) {
    const failed = suite.assertionResults.filter(a => a.status === 'failed');
    if (suite.status === 'failed' && failed.length === 0) {
      print(suite.name, suite.message);
    }
    for (const test of failed) {
      print(`${suite.name} › ${test.fullName}`, test.failureMessages[0]);
    }
  }
} else if (kind === 'playwright') {
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'unexpected') continue;
        const last = test.results[test.results.length - 1];
        print(
          [...path, spec.title].join(' › '),
          last?.errors?.map(e => e.message).join('\n') ?? last?.error?.message,
        );
      }
    }
    for (const child of suite.suites ?? [])
      visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, [suite.title]);
  for (const error of report.errors ?? []) print('(run)', error.message);
}
