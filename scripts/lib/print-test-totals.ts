// Prints the plain closing line CI reads, `N passed, M failed`, from Vitest's JSON report.
// A missing or unreadable report counts as one failure, so a run that tested nothing is visible.
import { readFileSync } from 'node:fs';

type Report = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };

const path = process.argv[2] ?? '';
let report: Report;
try {
  report = JSON.parse(readFileSync(path, 'utf8')) as Report;
} catch {
  console.log(`0 passed, 1 failed (no test report at ${path})`);
  process.exit(0);
}
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
