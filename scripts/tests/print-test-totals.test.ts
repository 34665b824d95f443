import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(REPO_ROOT, 'scripts/lib/print-test-totals.ts');
const dir = mkdtempSync(join(tmpdir(), 'tenfold-totals-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Test = { title: string; status: string };

/** A Vitest JSON report of the shape `vitest run --reporter=json` writes, for the given files. */
function report(files: { name: string; status: string; message?: string; tests: Test[] }[]) {
  const all = files.flatMap((file) => file.tests);
  const count = (status: string) => all.filter((test) => test.status === status).length;
  return {
    numTotalTests: all.length,
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    numTodoTests: count('todo'),
    success: false,
    testResults: files.map((file) => ({
      name: join(REPO_ROOT, file.name),
      status: file.status,
      message: file.message ?? '',
      assertionResults: file.tests.map((test) => ({ ...test, fullName: test.title })),
    })),
  };
}

function totals(contents: unknown): { code: number | null; lines: string[] } {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  if (contents !== undefined) writeFileSync(path, JSON.stringify(contents));
  const run = spawnSync(TSX, [SCRIPT, path], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: run.status, lines: run.stdout.trimEnd().split('\n') };
}

describe('the closing line of npm test', () => {
  it('passes a run where every test passed, and still prints the skipped count', () => {
    const result = totals(
      report([
        {
          name: 'a.test.ts',
          status: 'passed',
          tests: [
            { title: 'one', status: 'passed' },
            { title: 'two', status: 'passed' },
          ],
        },
      ]),
    );
    expect(result.lines.at(-1)).toBe('2 passed, 0 failed, 0 skipped');
    expect(result.code).toBe(0);
  });

  it('fails a run with a skipped test and names it', () => {
    const result = totals(
      report([
        { name: 'a.test.ts', status: 'passed', tests: [{ title: 'one', status: 'passed' }] },
        {
          name: 'b.test.ts',
          status: 'passed',
          tests: [
            { title: 'needs torch', status: 'skipped' },
            { title: 'later', status: 'todo' },
          ],
        },
      ]),
    );
    expect(result.lines.at(-1)).toBe('1 passed, 0 failed, 2 skipped');
    expect(result.lines).toContain('skipped: b.test.ts > needs torch');
    expect(result.code).toBe(1);
  });

  it('counts a test file that failed while loading (a missing prerequisite) as a failure', () => {
    const result = totals(
      report([
        { name: 'a.test.ts', status: 'passed', tests: [{ title: 'one', status: 'passed' }] },
        {
          name: 'e2e.test.ts',
          status: 'failed',
          message: 'chromium is missing at /usr/bin/chromium: run ...',
          tests: [],
        },
      ]),
    );
    expect(result.lines.at(-1)).toBe('1 passed, 1 failed, 0 skipped');
    expect(result.lines).toContain(
      'failed outside its tests: e2e.test.ts: chromium is missing at /usr/bin/chromium: run ...',
    );
    expect(result.code).toBe(1);
  });

  it('fails when there is no report or no test ran', () => {
    expect(totals(undefined)).toMatchObject({
      code: 1,
      lines: expect.arrayContaining(['0 passed, 1 failed, 0 skipped']),
    });
    const empty = totals(report([]));
    expect(empty.lines.at(-1)).toBe('0 passed, 0 failed, 0 skipped');
    expect(empty.code).toBe(1);
  });
});
