import type { OnnxGraph, OnnxNode, OnnxTensor } from '../../src/testing/build-onnx-model.ts';

const BOOL = 9;
const INT64 = 7;

/** A 0-d int64 tensor (Loop's trip count). */
export function int64Scalar(name: string, value: number | bigint): OnnxTensor {
  return { name, dims: [], dataType: INT64, int64Data: [value] };
}

/** A 0-d bool tensor (Loop's and If's condition). */
export function boolScalar(name: string, value: boolean): OnnxTensor {
  return { name, dims: [], dataType: BOOL, rawData: Uint8Array.of(value ? 1 : 0) };
}

/**
 * A Loop body that keeps looping while its condition input says so and carries one float
 * value through `nodes`, which read `v_in` and write `v_out`.
 */
export function loopBody(nodes: OnnxNode[]): OnnxGraph {
  return {
    nodes: [{ op: 'Identity', inputs: ['cond_in'], outputs: ['cond_out'] }, ...nodes],
    initializers: [],
    inputs: [
      { name: 'iteration', shape: [], elemType: INT64 },
      { name: 'cond_in', shape: [], elemType: BOOL },
      { name: 'v_in', shape: ['N', 10] },
    ],
    outputs: [
      { name: 'cond_out', shape: [], elemType: BOOL },
      { name: 'v_out', shape: ['N', 10] },
    ],
  };
}

/** A Loop node over `body`, carrying `input` to `output`; `trip` and `cond` name its inputs. */
export function loopNode(name: string, body: OnnxGraph, input: string, output: string): OnnxNode {
  return {
    op: 'Loop',
    name,
    inputs: ['trip', 'keep_going', input],
    outputs: [output],
    attributes: [{ name: 'body', graph: body }],
  };
}

/**
 * An If node whose two branches write `output` (as `then_out` / `else_out`) from their nodes.
 * Branch outputs declare no shape, so branches may differ and only running tells which won.
 */
export function ifNode(name: string, then: OnnxNode[], otherwise: OnnxNode[], output: string): OnnxNode {
  const branch = (nodes: OnnxNode[], out: string): OnnxGraph => ({
    nodes,
    initializers: [],
    inputs: [],
    outputs: [{ name: out }],
  });
  return {
    op: 'If',
    name,
    inputs: ['keep_going'],
    outputs: [output],
    attributes: [
      { name: 'then_branch', graph: branch(then, 'then_out') },
      { name: 'else_branch', graph: branch(otherwise, 'else_out') },
    ],
  };
}
