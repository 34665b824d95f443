import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packTfjsFiles } from '@tenfold/artifacts';
import { afterAll, describe, expect, it } from 'vitest';
import { type ModelFormatId, scoreArtifact } from '../src/index.ts';
import { readMnistDirectly } from '../src/testing/index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-determinism-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const test = readMnistDirectly('t10k');
const normalization = { mean: 0.1307, std: 0.3081 };

async function score(modelBytes: Uint8Array, format: ModelFormatId, layout: 'nchw' | 'nhwc') {
  return scoreArtifact({
    modelBytes,
    format,
    contract: { layout, scale: 'standard', output: 'logits' },
    dataset: { ...test, name: 'MNIST', fingerprint: 'mnist-test', normalization },
    limits: { wallTimeMs: 60_000, memoryMb: 1024 },
    workDir,
  });
}

describe('scoring the same model twice', () => {
  it('gives identical predictions and numbers, ONNX and TF.js alike, and both formats agree', async () => {
    const onnx = new Uint8Array(readFileSync(join(FIXTURES, 'pytorch/cnn.onnx')));
    const folder = join(FIXTURES, 'tfjs/cnn');
    const tfjs = await packTfjsFiles(
      readdirSync(folder).map((name) => ({ name, bytes: readFileSync(join(folder, name)) })),
    );
    const [first, second, viaTfjs] = [
      await score(onnx, 'onnx', 'nchw'),
      await score(onnx, 'onnx', 'nchw'),
      await score(tfjs, 'tfjs', 'nhwc'),
    ];
    expect(Buffer.compare(Buffer.from(first.predictions), Buffer.from(second.predictions))).toBe(0);
    expect(second.accuracy).toBe(first.accuracy);
    expect(second.shiftedAccuracy).toBe(first.shiftedAccuracy);
    expect(second.modelSha256).toBe(first.modelSha256);
    expect(Buffer.compare(Buffer.from(viaTfjs.predictions), Buffer.from(first.predictions))).toBe(0);
    expect(viaTfjs.backend).toMatch(/^tfjs-(wasm|cpu|node)$/);
    expect(viaTfjs.parameterCount).toBe(first.parameterCount);
    // Counted by PyTorch when the fixture was made.
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'pytorch/manifest.json'), 'utf8'));
    expect(first.parameterCount).toBe(manifest.models.cnn.parameters);
  });
});
