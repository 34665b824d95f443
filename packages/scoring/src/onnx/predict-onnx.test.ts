import { describe, expect, it } from 'vitest';
import { buildOnnxModel } from '../testing/build-onnx-model.ts';
import { WARM_UP_MODEL, warmUpOnnxRuntime } from './predict-onnx.ts';

describe("the spare scoring process's warm-up model", () => {
  it('is the Relu graph its comment describes, as the test builder writes it', () => {
    const relu = buildOnnxModel(
      {
        nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }],
        initializers: [],
        inputs: [{ name: 'x', shape: [1, 1] }],
        outputs: [{ name: 'y', shape: [1, 1] }],
      },
      { producerName: 'tenfold-warm-up' },
    );
    expect(Buffer.from(WARM_UP_MODEL).equals(Buffer.from(relu))).toBe(true);
  });

  it('loads and runs in ONNX Runtime with the scorer’s session options', async () => {
    await expect(warmUpOnnxRuntime()).resolves.toBeUndefined();
  });
});
