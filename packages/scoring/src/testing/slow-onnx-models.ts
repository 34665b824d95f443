import { buildOnnxModel, type LinearModel, linearOnnxGraph, type OnnxGraph } from './build-onnx-model.ts';

const BOOL = 9;
const INT64 = 7;
const PIXELS = 784;

/**
 * The linear classifier with its flattened pixels first carried through a Loop of `trip`
 * iterations, each multiplying them by the 784 x 784 identity matrix: about 0.6 M multiply-adds
 * per image per iteration, and the pixels come out unchanged (x * 1 + 0s is exact in float32),
 * so the predictions are the linear model's own. `trip` = 2^63 - 1 never finishes.
 */
function loopedLinearGraph(model: LinearModel, trip: bigint): OnnxGraph {
  const linear = linearOnnxGraph(model);
  const identity = new Float32Array(PIXELS * PIXELS);
  for (let i = 0; i < PIXELS; i++) identity[i * PIXELS + i] = 1;
  const body: OnnxGraph = {
    nodes: [
      { op: 'Identity', inputs: ['cond_in'], outputs: ['cond_out'] },
      { op: 'MatMul', inputs: ['v_in', 'identity'], outputs: ['v_out'] },
    ],
    initializers: [],
    inputs: [
      { name: 'iteration', shape: [], elemType: INT64 },
      { name: 'cond_in', shape: [], elemType: BOOL },
      { name: 'v_in', shape: ['N', PIXELS] },
    ],
    outputs: [
      { name: 'cond_out', shape: [], elemType: BOOL },
      { name: 'v_out', shape: ['N', PIXELS] },
    ],
  };
  return {
    ...linear,
    nodes: [
      { op: 'Flatten', inputs: ['input'], outputs: ['pixels'], intAttributes: { axis: 1 } },
      {
        op: 'Loop',
        name: 'repeat',
        inputs: ['trip', 'keep_going', 'pixels'],
        outputs: ['flat'],
        attributes: [{ name: 'body', graph: body }],
      },
      { op: 'Gemm', inputs: ['flat', 'W', 'B'], outputs: ['logits'] },
    ],
    initializers: [
      ...linear.initializers,
      { name: 'identity', dims: [PIXELS, PIXELS], data: identity },
      { name: 'trip', dims: [], dataType: INT64, int64Data: [trip] },
      { name: 'keep_going', dims: [], dataType: BOOL, rawData: Uint8Array.of(1) },
    ],
  };
}

/** A real classifier made deliberately slow: `iterations` identity products per image. */
export function buildSlowLinearOnnxModel(model: LinearModel, iterations: number): Uint8Array {
  return buildOnnxModel(loopedLinearGraph(model, BigInt(iterations)));
}

/** A classifier that never finishes a batch: its Loop's trip count is INT64_MAX. */
export function buildNeverEndingOnnxModel(model: LinearModel): Uint8Array {
  return buildOnnxModel(loopedLinearGraph(model, 2n ** 63n - 1n));
}
