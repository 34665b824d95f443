import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModelError, type ScoringDataset, scoreArtifact } from '../../src/index.ts';
import { buildCentroidModel, buildLinearOnnxModel, readMnistDirectly } from '../../src/testing/index.ts';
import { DECLARED_SIZE_CASES } from './cases-declared-sizes.ts';
import { EXTERNAL_DATA_CASES } from './cases-external-data.ts';
import { FILE_FORMAT_CASES } from './cases-file-format.ts';
import { GRAPH_STRUCTURE_CASES } from './cases-graph-structure.ts';
import { OPERATOR_CASES } from './cases-operators.ts';
import { OUTPUT_CASES } from './cases-outputs.ts';
import { RESOURCE_LIMIT_CASES } from './cases-resource-limits.ts';
import { SIGNATURE_CASES } from './cases-signature.ts';
import { VERSION_CASES } from './cases-versions.ts';

// Every hostile or malformed model goes through the real scoreArtifact, i.e. the sandboxed
// child process, with small limits so that the cases which need them really hit them.
const LIMITS = { wallTimeMs: 15_000, memoryMb: 512 };
const IMAGES = 2000;
const CASES = [
  ...FILE_FORMAT_CASES,
  ...VERSION_CASES,
  ...EXTERNAL_DATA_CASES,
  ...OPERATOR_CASES,
  ...DECLARED_SIZE_CASES,
  ...GRAPH_STRUCTURE_CASES,
  ...SIGNATURE_CASES,
  ...OUTPUT_CASES,
  ...RESOURCE_LIMIT_CASES,
];
const README = join(import.meta.dirname, '../fixtures/hostile/README.md');
// Where onnxruntime-node 1.30's telemetry writes unless it is disabled: under the home folder
// of the user database entry, since the child's environment has no HOME.
const ORT_TELEMETRY_DIR = join(userInfo().homedir, '.cache/Microsoft/DeveloperTools/.onnxruntime');
// What onnxruntime-node writes into TMPDIR; it must never land in the machine's /tmp.
const ORT_TMP_FILES = /^(\.ses|mat-debug-\d+\.log)$/;

let root: string;
let workDir: string;
let privateTmp: string;
let dataset: ScoringDataset;
const originalTmpdir = process.env.TMPDIR;

/** Entries of a folder with their modification times (none when the folder does not exist). */
function snapshot(dir: string): Map<string, number> {
  const entries = new Map<string, number>();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return entries;
  }
  for (const name of names) {
    try {
      entries.set(name, statSync(join(dir, name)).mtimeMs);
    } catch {
      // Removed between listing and stat: not ours to judge.
    }
  }
  return entries;
}

/** What appeared in `dir` since `before`, and, if `modified`, what changed there. */
function changes(dir: string, before: Map<string, number>, modified = false): string[] {
  return [...snapshot(dir)]
    .filter(([name, mtime]) => !before.has(name) || (modified && before.get(name) !== mtime))
    .map(([name]) => join(dir, name));
}

/** Live child processes of this test process (a leaked sandbox child would show here). */
function liveChildren(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[1]) === process.pid && fields[0] !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tenfold-hostile-'));
  // The sandbox child runs as an unprivileged user that must pass through to its job folder.
  chmodSync(root, 0o711);
  workDir = join(root, 'work');
  privateTmp = join(root, 'tmp');
  mkdirSync(privateTmp);
  mkdirSync(workDir);
  // This process's own temporary files (os.tmpdir()) go to a folder nobody else uses, so any
  // file the parent side writes during a case shows up. The child gets its job folder as TMPDIR.
  process.env.TMPDIR = privateTmp;
  // Two batches of test images are enough to reach every run-time check; the full split would
  // only make each case ship and copy more bytes.
  const test = readMnistDirectly('t10k');
  dataset = {
    name: 'mnist',
    images: test.images.subarray(0, IMAGES * 784),
    labels: test.labels.subarray(0, IMAGES),
    count: IMAGES,
    fingerprint: 'hostile-corpus',
    normalization: { mean: 0.1307, std: 0.3081 },
  };
});

afterAll(() => {
  if (originalTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpdir;
  rmSync(root, { recursive: true, force: true });
});

describe('hostile ONNX corpus', () => {
  it('lists every case, and only those, in tests/fixtures/hostile/README.md', () => {
    const listed = [...readFileSync(README, 'utf8').matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(CASES.map((hostile) => hostile.name));
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name', async (hostile) => {
    // The package folder is shared with other work in progress: only new entries count there.
    const watched = [
      { dir: privateTmp, modified: true },
      { dir: ORT_TELEMETRY_DIR, modified: true },
      { dir: process.cwd(), modified: false },
    ];
    const before = watched.map(({ dir }) => snapshot(dir));
    const systemTmpBefore = snapshot('/tmp');
    const childrenBefore = liveChildren();

    const error = await scoreArtifact({
      modelBytes: await hostile.build(),
      format: 'onnx',
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
      dataset,
      limits: { ...LIMITS, ...hostile.limits },
      workDir,
    }).then(
      () => new Error('the model was scored'),
      (e: unknown) => e,
    );

    expect(error instanceof Error ? error.message : String(error)).toMatch(hostile.reason);
    expect(isModelError(error)).toBe(true);
    expect(readdirSync(workDir)).toEqual([]);
    expect(watched.flatMap(({ dir, modified }, i) => changes(dir, before[i] as Map<string, number>, modified))).toEqual(
      [],
    );
    expect(changes('/tmp', systemTmpBefore).filter((path) => ORT_TMP_FILES.test(basename(path)))).toEqual([]);
    expect(liveChildren().filter((pid) => !childrenBefore.includes(pid))).toEqual([]);
  });

  it('still scores an honest model after all of them', async () => {
    const train = readMnistDirectly('train');
    const result = await scoreArtifact({
      modelBytes: buildLinearOnnxModel(buildCentroidModel(train.images, train.labels)),
      format: 'onnx',
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
      dataset,
      limits: LIMITS,
      workDir,
    });
    expect(result.accuracy).toBeGreaterThan(0.7);
    expect(readdirSync(workDir)).toEqual([]);
  });
});
