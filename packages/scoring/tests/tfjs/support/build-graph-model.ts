import type { Files } from './zip-files.ts';

export type LinearGraph = {
  /** Row-major [784, classes]. */
  weights: Float32Array;
  bias: Float32Array;
  /** The Placeholder's shape, -1 for the batch; a rank other than 2 adds a Reshape to [-1, 784]. */
  inputShape?: number[];
  /** The op adding the bias (tests swap in one TF.js lacks). */
  biasOp?: string;
};

function bytesOf(array: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function shapeAttr(shape: number[]) {
  return { dim: shape.map((size) => ({ size: String(size) })) };
}

function constNode(name: string, dtype: 'DT_FLOAT' | 'DT_INT32', shape: number[]) {
  return {
    name,
    op: 'Const',
    attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: shapeAttr(shape) } } },
  };
}

/**
 * A TF.js GraphModel written by hand, as tensorflowjs_converter would write a frozen
 * `logits = reshape(images, [-1, 784]) @ W + b`: GraphDef nodes as JSON, Const values in the
 * weights manifest, in manifest order in one shard.
 */
export function buildLinearGraphModel(model: LinearGraph): Files {
  const inputShape = model.inputShape ?? [-1, 784];
  const classes = model.bias.length;
  const needsReshape = inputShape.length !== 2;
  const float = { type: 'DT_FLOAT' };
  const nodes = [
    { name: 'images', op: 'Placeholder', attr: { dtype: float, shape: { shape: shapeAttr(inputShape) } } },
    ...(needsReshape
      ? [
          constNode('flat_shape', 'DT_INT32', [2]),
          { name: 'flat', op: 'Reshape', input: ['images', 'flat_shape'], attr: { T: float } },
        ]
      : []),
    constNode('W', 'DT_FLOAT', [784, classes]),
    constNode('b', 'DT_FLOAT', [classes]),
    { name: 'matmul', op: 'MatMul', input: [needsReshape ? 'flat' : 'images', 'W'], attr: { T: float } },
    { name: 'logits', op: model.biasOp ?? 'BiasAdd', input: ['matmul', 'b'], attr: { T: float } },
  ];
  const specs = [
    ...(needsReshape ? [{ name: 'flat_shape', shape: [2], dtype: 'int32' }] : []),
    { name: 'W', shape: [784, classes], dtype: 'float32' },
    { name: 'b', shape: [classes], dtype: 'float32' },
  ];
  const shape = needsReshape ? [bytesOf(new Int32Array([-1, 784]))] : [];
  const parts = [...shape, bytesOf(model.weights), bytesOf(model.bias)];
  const shard = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    shard.set(part, offset);
    offset += part.length;
  }
  const modelJson = {
    format: 'graph-model',
    generatedBy: 'tenfold tests',
    convertedBy: null,
    modelTopology: { node: nodes, library: {}, versions: { producer: 1 } },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  return { 'model.json': JSON.stringify(modelJson), 'weights.bin': shard };
}
