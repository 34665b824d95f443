import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildOnnxModel, linearOnnxGraph } from '../testing/build-onnx-model.ts';
import { disableOnnxTelemetry } from './disable-onnx-telemetry.ts';
import { inspectOnnxModel } from './inspect-onnx-model.ts';
import { MAX_IR_VERSION, OPERATOR_DOMAINS } from './onnx-limits.ts';

const PYTORCH = join(import.meta.dirname, '../../tests/fixtures/pytorch');
const manifest = JSON.parse(readFileSync(join(PYTORCH, 'manifest.json'), 'utf8')) as {
  models: Record<string, { parameters: number }>;
};
const linear = () => linearOnnxGraph({ weights: new Float32Array(7840), bias: new Float32Array(10) });

async function loads(bytes: Uint8Array): Promise<boolean> {
  disableOnnxTelemetry();
  try {
    await (await ort.InferenceSession.create(bytes, { logSeverityLevel: 4 })).release();
    return true;
  } catch {
    return false;
  }
}

describe('inspectOnnxModel', () => {
  it.each(Object.keys(manifest.models))(
    'passes the PyTorch export %s and counts its parameters as PyTorch does',
    (name) => {
      const inspection = inspectOnnxModel(new Uint8Array(readFileSync(join(PYTORCH, `${name}.onnx`))));
      expect(inspection.parameterCount).toBe(manifest.models[name]?.parameters);
      expect(inspection.opsets).toEqual({ '': 13 });
    },
  );

  it('counts the initializers of a hand-built model', () => {
    const inspection = inspectOnnxModel(buildOnnxModel(linear()));
    expect(inspection).toMatchObject({ irVersion: 8, parameterCount: 7850, nodeCount: 2, storedValueBytes: 31_400 });
  });

  // The version limits copy what the pinned onnxruntime-node accepts; this fails when an
  // engine upgrade moves them, so they get raised with it.
  it('allows exactly the IR versions and opsets the pinned ONNX Runtime loads', async () => {
    const withIr = (irVersion: number) => buildOnnxModel(linear(), { irVersion });
    expect(await loads(withIr(MAX_IR_VERSION))).toBe(true);
    expect(await loads(withIr(MAX_IR_VERSION + 1))).toBe(false);
    for (const domain of ['', 'ai.onnx.ml']) {
      const newest = OPERATOR_DOMAINS.get(domain) ?? 0;
      const withOpset = (version: number) =>
        buildOnnxModel(linear(), {
          irVersion: MAX_IR_VERSION,
          opsets:
            domain === ''
              ? [{ domain, version }]
              : [
                  { domain: '', version: 13 },
                  { domain, version },
                ],
        });
      expect(await loads(withOpset(newest))).toBe(true);
      expect(await loads(withOpset(newest + 1))).toBe(false);
    }
  });
});
