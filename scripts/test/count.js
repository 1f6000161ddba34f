// Reads a Jest or Playwright JSON report and prints "passed failed skipped".
// A missing or unreadable report counts as one failure: the suite did not run to the end.
const fs = require('node:fs');

const [kind, file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch {
  console.log('0 1 0');
  process.exit(0);
}
if (kind === 'jest') {
  // A suite that fails to load has no tests; count it as a failure too.
  const brokenSuites = report.testResults.filter(
    s => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  console.log(
    `${report.numPassedTests} ${report.numFailedTests + brokenSuites} ${
      report.numPendingTests + report.numTodoTests
    }`,
  );
} else if (kind === 'playwright') {
  const s = report.stats;
  const errors = (report.errors ?? []).length;
  console.log(`${s.expected + s.flaky} ${s.unexpected + errors} ${s.skipped}`);
} else {
  throw new Error(`unknown report kind ${kind}`);
}
