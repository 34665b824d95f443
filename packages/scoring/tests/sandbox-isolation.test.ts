import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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

describe.runIf(process.getuid?.() === 0)('the scoring sandbox, started by a root worker', () => {
  it('runs models as an unprivileged user with no network (PostgreSQL on loopback is unreachable)', () => {
    expect(detectIsolation().description).toBe('memory limit, no network, unprivileged user');
    expect(probe('connect')).toEqual({ uid: 65534, network: false });
  });

  it('stops native allocations at the data limit', () => {
    expect(() => probe('allocate')).toThrow();
  });
});
