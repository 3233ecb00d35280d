// Prints the closing line of a test run, "N passed, N failed, N skipped", from vitest's JSON report,
// so that any CI reading plain output sees how many tests ran.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? '.vitest/results.json';
const report = JSON.parse(readFileSync(path, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
if (report.numTotalTests === 0) {
  console.error('no test ran: the test command found no tests.');
  process.exit(1);
}
