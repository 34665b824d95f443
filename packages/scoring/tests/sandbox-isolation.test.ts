import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isModelError, scoreArtifact } from '../src/index.ts';
import { detectIsolation } from '../src/sandbox/isolation-prefix.ts';

// What a process started the way scoring children are started can see and do.
const PROBE = `
const net = require('node:net');
const socket = net.connect({ host: '127.0.0.1', port: 5432 });
socket.on('connect', () => { console.log(JSON.stringify({ uid: process.getuid(), network: true })); process.exit(0); });
socket.on('error', () => { console.log(JSON.stringify({ uid: process.getuid(), network: false })); process.exit(0); });
const big = () => { const chunks = []; for (;;) chunks.push(Buffer.alloc(64 * 1024 * 1024, 1)); };
if (process.argv[1] === 'allocate') big();
`;

function probe(mode: string): { uid: number; network: boolean } {
  const [command = '', ...prefix] = [...detectIsolation().wrap(512 * 1024 * 1024), process.execPath];
  return JSON.parse(execFileSync(command, [...prefix, '-e', PROBE, mode], { encoding: 'utf8', cwd: '/' }));
}

// What isolation a worker gets depends on whether it runs as root: the suite checks the one this
// run has (CI and the project's machines run as root), so neither case turns into skipped tests.
const isRoot = process.getuid?.() === 0;

describe(`the scoring sandbox, started by a ${isRoot ? 'root' : 'non-root'} worker`, () => {
  it('stops native allocations at the data limit', () => {
    expect(() => probe('allocate')).toThrow();
  });

  if (!isRoot) {
    it('says the model shares the worker user and network, and still limits its memory', () => {
      expect(detectIsolation().description).toBe('memory limit, network not isolated, same user as the worker');
      expect(probe('connect').uid).toBe(process.getuid?.());
    });
  } else {
    rootOnlyTests();
  }
});

/** Tests of what a root worker adds: a separate user, no network, a work folder handed over. */
function rootOnlyTests() {
  it('runs models as an unprivileged user with no network (PostgreSQL on loopback is unreachable)', () => {
    expect(detectIsolation().description).toBe('memory limit, no network, unprivileged user');
    expect(probe('connect')).toEqual({ uid: 65534, network: false });
  });

  it("treats a work folder the sandbox user cannot reach as a platform fault, not the model's", async () => {
    const closed = mkdtempSync(join(tmpdir(), 'tenfold-closed-'));
    try {
      const error = await scoreArtifact({
        modelBytes: Uint8Array.of(8, 8),
        format: 'onnx',
        contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
        dataset: {
          name: 'MNIST',
          images: new Uint8Array(784),
          labels: new Uint8Array(1),
          count: 1,
          fingerprint: 'x',
          normalization: { mean: 0, std: 1 },
        },
        limits: { wallTimeMs: 10_000, memoryMb: 256 },
        workDir: join(closed, 'work'),
      }).catch((e: unknown) => e);
      expect(isModelError(error)).toBe(false);
      expect(String(error)).toMatch(/cannot reach the work folder through .*tenfold-closed-/);
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });
}
