import { describe, expect, it } from 'vitest';
import { selectTfjsBackend } from '../../src/tfjs/select-tfjs-backend.ts';

describe('selectTfjsBackend', () => {
  it('picks WebAssembly with SIMD here, where tfjs-node is not installed', async () => {
    await expect(selectTfjsBackend()).resolves.toEqual({ backend: 'tfjs-wasm', backendVersion: '4.22.0 (simd)' });
  });

  it('says so when a pinned backend cannot start', async () => {
    await expect(selectTfjsBackend('tfjs-node')).rejects.toThrow(/No TF\.js backend could start \(tried tfjs-node\)/);
    await expect(selectTfjsBackend('tfjs-cpu')).resolves.toEqual({ backend: 'tfjs-cpu', backendVersion: '4.22.0' });
  });
});
