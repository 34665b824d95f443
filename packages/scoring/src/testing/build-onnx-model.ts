import { ProtobufWriter } from './protobuf-writer.ts';
import {
  ONNX_ELEM_FLOAT,
  type OnnxSparseTensor,
  type OnnxTensor,
  writeOnnxSparseTensor,
  writeOnnxTensor,
} from './write-onnx-tensor.ts';

export type { OnnxSparseTensor, OnnxTensor } from './write-onnx-tensor.ts';

// Field numbers and enum values from onnx/onnx.proto.
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_TENSOR = 4;
const ATTR_GRAPH = 5;
const ATTR_INTS = 7;
const ATTR_SPARSE_TENSOR = 11;
const IR_VERSION = 8;
const OPSET = 13;

export type OnnxAttribute =
  | { name: string; int: number | bigint }
  | { name: string; ints: Array<number | bigint> }
  | { name: string; float: number }
  | { name: string; string: string }
  | { name: string; tensor: OnnxTensor }
  | { name: string; graph: OnnxGraph }
  | { name: string; sparseTensor: OnnxSparseTensor };

export type OnnxNode = {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  intAttributes?: Record<string, number>;
  attributes?: OnnxAttribute[];
};

/**
 * A graph input or output: a float32 tensor unless elemType says otherwise, without shape if
 * `shape` is omitted, wrapped in a sequence type if `sequence` is set.
 */
export type OnnxValue = { name: string; shape?: Array<number | string>; elemType?: number; sequence?: boolean };

export type OnnxGraph = {
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  sparseInitializers?: OnnxSparseTensor[];
};

export type OnnxFunction = { name: string; domain: string; inputs: string[]; outputs: string[]; nodes: OnnxNode[] };

export type OnnxModelOptions = {
  irVersion?: number | bigint;
  /** Replaces the default import of the standard opset 13. */
  opsets?: Array<{ domain: string; version: number | bigint }>;
  producerName?: string;
  metadata?: Record<string, string>;
  functions?: OnnxFunction[];
};

function writeTensorType(type: ProtobufWriter, value: OnnxValue): void {
  type.message(1, (tensor) => {
    tensor.int(1, value.elemType ?? ONNX_ELEM_FLOAT);
    if (!value.shape) return;
    const shape = value.shape;
    tensor.message(2, (s) => {
      for (const dim of shape) s.message(1, (d) => (typeof dim === 'number' ? d.int(1, dim) : d.string(2, dim)));
    });
  });
}

function writeValueInfo(w: ProtobufWriter, value: OnnxValue): void {
  w.string(1, value.name).message(2, (type) => {
    if (value.sequence) type.message(4, (sequence) => sequence.message(1, (elem) => writeTensorType(elem, value)));
    else writeTensorType(type, value);
  });
}

function writeAttribute(a: ProtobufWriter, attribute: OnnxAttribute): void {
  a.string(1, attribute.name);
  if ('int' in attribute) a.int(3, attribute.int).int(20, ATTR_INT);
  else if ('ints' in attribute) {
    for (const value of attribute.ints) a.int(8, value);
    a.int(20, ATTR_INTS);
  } else if ('float' in attribute) a.float(2, attribute.float).int(20, ATTR_FLOAT);
  else if ('string' in attribute) a.string(4, attribute.string).int(20, ATTR_STRING);
  else if ('tensor' in attribute) a.message(5, (t) => writeOnnxTensor(t, attribute.tensor)).int(20, ATTR_TENSOR);
  else if ('graph' in attribute) a.message(6, (g) => writeGraph(g, attribute.graph)).int(20, ATTR_GRAPH);
  else a.message(22, (s) => writeOnnxSparseTensor(s, attribute.sparseTensor)).int(20, ATTR_SPARSE_TENSOR);
}

function writeNode(n: ProtobufWriter, node: OnnxNode): void {
  for (const input of node.inputs) n.string(1, input);
  for (const output of node.outputs) n.string(2, output);
  if (node.name !== undefined) n.string(3, node.name);
  n.string(4, node.op);
  for (const [name, value] of Object.entries(node.intAttributes ?? {})) {
    n.message(5, (a) => a.string(1, name).int(3, value).int(20, ATTR_INT));
  }
  for (const attribute of node.attributes ?? []) n.message(5, (a) => writeAttribute(a, attribute));
  if (node.domain !== undefined) n.string(7, node.domain);
}

/** Writes a GraphProto's fields; exported so tests can splice graphs into hand-made models. */
export function writeGraph(g: ProtobufWriter, graph: OnnxGraph): void {
  for (const node of graph.nodes) g.message(1, (n) => writeNode(n, node));
  g.string(2, 'graph');
  for (const tensor of graph.initializers) g.message(5, (t) => writeOnnxTensor(t, tensor));
  for (const input of graph.inputs) g.message(11, (v) => writeValueInfo(v, input));
  for (const output of graph.outputs) g.message(12, (v) => writeValueInfo(v, output));
  for (const sparse of graph.sparseInitializers ?? []) g.message(15, (s) => writeOnnxSparseTensor(s, sparse));
}

function writeFunction(f: ProtobufWriter, fn: OnnxFunction): void {
  f.string(1, fn.name);
  for (const input of fn.inputs) f.string(4, input);
  for (const output of fn.outputs) f.string(5, output);
  for (const node of fn.nodes) f.message(7, (n) => writeNode(n, node));
  f.message(9, (opset) => opset.string(1, '').int(2, OPSET)).string(10, fn.domain);
}

/** Serialises a graph as an ONNX ModelProto (IR 8, opset 13 unless options say otherwise). */
export function buildOnnxModel(graph: OnnxGraph, options: OnnxModelOptions = {}): Uint8Array {
  const w = new ProtobufWriter()
    .int(1, options.irVersion ?? IR_VERSION)
    .string(2, options.producerName ?? 'tenfold-tests')
    .message(7, (g) => writeGraph(g, graph));
  for (const opset of options.opsets ?? [{ domain: '', version: OPSET }]) {
    w.message(8, (o) => o.string(1, opset.domain).int(2, opset.version));
  }
  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    w.message(14, (entry) => entry.string(1, key).string(2, value));
  }
  for (const fn of options.functions ?? []) w.message(25, (f) => writeFunction(f, fn));
  return w.finish();
}

export type LinearModel = {
  /** Row-major [784, 10]: weights[pixel * 10 + class]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Input shape; defaults to [N, 1, 28, 28] as torch.onnx.export writes it. */
  inputShape?: Array<number | string>;
};

/** The nodes, initializers and input of a linear classifier whose scores are named `logits`. */
export function linearOnnxGraph(model: LinearModel): OnnxGraph {
  return {
    nodes: [
      { op: 'Flatten', inputs: ['input'], outputs: ['flat'], intAttributes: { axis: 1 } },
      { op: 'Gemm', inputs: ['flat', 'W', 'B'], outputs: ['logits'] },
    ],
    initializers: [
      { name: 'W', dims: [784, 10], data: model.weights },
      { name: 'B', dims: [10], data: model.bias },
    ],
    inputs: [{ name: 'input', shape: model.inputShape ?? ['N', 1, 28, 28] }],
    outputs: [{ name: 'logits', shape: ['N', 10] }],
  };
}

/** logits = flatten(input) x W + b, the smallest model that is a real classifier. */
export function buildLinearOnnxModel(model: LinearModel): Uint8Array {
  return buildOnnxModel(linearOnnxGraph(model));
}
