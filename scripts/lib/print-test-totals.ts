// Prints the plain closing line CI reads, `N passed, N failed, N skipped`, from Vitest's JSON
// report, and exits 1 unless tests ran and every one of them passed. A skipped test fails the run:
// a suite whose prerequisite (browser, PyTorch, dataset) is missing must fail saying so, never
// quietly test less. A test file that failed without a failed test (an error while loading it)
// counts as one failure, and so does a missing report, so a run that tested nothing is visible.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

type TestResult = { fullName?: string; title: string; status: string };
type FileResult = { name: string; status: string; message?: string; assertionResults: TestResult[] };
type Report = { numPassedTests: number; numFailedTests: number; testResults: FileResult[] };

const SKIPPED_STATUSES = new Set(['skipped', 'pending', 'todo', 'disabled']);
const MAX_LISTED = 20;

function readReport(path: string): Report | string {
  let report: Partial<Report>;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as Partial<Report>;
  } catch (error) {
    return `no readable test report at ${path} (${error instanceof Error ? error.message : String(error)})`;
  }
  const isReport =
    typeof report.numPassedTests === 'number' &&
    typeof report.numFailedTests === 'number' &&
    Array.isArray(report.testResults);
  return isReport ? (report as Report) : `${path} is not a Vitest JSON report`;
}

const path = process.argv[2] ?? '';
const report = readReport(path);
if (typeof report === 'string') {
  console.log(report);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const skipped: string[] = [];
const unloaded: string[] = [];
for (const file of report.testResults) {
  const name = relative(process.cwd(), file.name);
  for (const test of file.assertionResults) {
    if (SKIPPED_STATUSES.has(test.status)) skipped.push(`${name} > ${test.fullName ?? test.title}`);
  }
  if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
    unloaded.push(`${name}: ${(file.message ?? '').split('\n')[0] || 'failed outside any test'}`);
  }
}
for (const line of skipped.slice(0, MAX_LISTED)) console.log(`skipped: ${line}`);
if (skipped.length > MAX_LISTED) console.log(`skipped: ... and ${skipped.length - MAX_LISTED} more`);
for (const line of unloaded) console.log(`failed outside its tests: ${line}`);
if (report.numPassedTests + report.numFailedTests + skipped.length === 0) console.log('no test ran');

const failed = report.numFailedTests + unloaded.length;
console.log(`${report.numPassedTests} passed, ${failed} failed, ${skipped.length} skipped`);
process.exit(failed > 0 || skipped.length > 0 || report.numPassedTests === 0 ? 1 : 0);
