import type { SandboxLimits } from '../../src/index.ts';
import {
  buildOnnxModel,
  linearOnnxGraph,
  type OnnxGraph,
  type OnnxModelOptions,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValue,
} from '../../src/testing/build-onnx-model.ts';

/** One hostile or malformed upload: built by code, scored through the real sandbox, refused. */
export type HostileCase = {
  /** Kebab-case; every name has a row in tests/fixtures/hostile/README.md. */
  name: string;
  /** What the upload tries, for the README table. */
  tries: string;
  /** The upload: an .onnx file, or an archive of one with its external-data files. */
  build: () => Uint8Array | Promise<Uint8Array>;
  /** What the ModelError must say. */
  reason: RegExp;
  /** Overrides of the corpus-wide limits (a wall-time case uses a short one). */
  limits?: Partial<SandboxLimits>;
};

/** Weights that make a real, if poor, classifier: class c looks at pixel c. */
export function sampleWeights(): { weights: Float32Array; bias: Float32Array } {
  const weights = new Float32Array(784 * 10);
  for (let c = 0; c < 10; c++) weights[(300 + c) * 10 + c] = 1;
  return { weights, bias: new Float32Array(10) };
}

/** The linear classifier, its Gemm writing `logits`; used as the honest part of hostile graphs. */
export function linearGraph(): OnnxGraph {
  return linearOnnxGraph(sampleWeights());
}

/**
 * The linear classifier followed by `nodes`, which read `logits` and must write `out`, the
 * declared output (float32 [N, 10] unless `output` says otherwise).
 */
export function classifierThen(
  nodes: OnnxNode[],
  extra: { initializers?: OnnxTensor[]; output?: Partial<OnnxValue>; options?: OnnxModelOptions } = {},
): Uint8Array {
  const graph = linearGraph();
  return buildOnnxModel(
    {
      ...graph,
      nodes: [...graph.nodes, ...nodes],
      initializers: [...graph.initializers, ...(extra.initializers ?? [])],
      outputs: [{ name: 'out', shape: ['N', 10], ...extra.output }],
    },
    extra.options,
  );
}

/** A float32 tensor of the given values, stored inline. */
export function floats(name: string, dims: number[], values: number[]): OnnxTensor {
  return { name, dims, data: Float32Array.from(values) };
}

/** An int64 tensor of the given values, stored inline (shapes, axes, repeats). */
export function int64s(name: string, values: Array<number | bigint>): OnnxTensor {
  return { name, dims: [values.length], dataType: 7, int64Data: values };
}

/** A Constant node whose value is `tensor`, writing `output`. */
export function constantNode(output: string, tensor: OnnxTensor): OnnxNode {
  return { op: 'Constant', inputs: [], outputs: [output], name: output, attributes: [{ name: 'value', tensor }] };
}
