import { ProtobufWriter } from './protobuf-writer.ts';

// Field numbers and enum values from onnx/onnx.proto.
const ELEM_FLOAT = 1;
const ATTR_INT = 2;
const IR_VERSION = 8;
const OPSET = 13;

export type OnnxTensor = { name: string; dims: number[]; data: Float32Array };
export type OnnxNode = { op: string; inputs: string[]; outputs: string[]; intAttributes?: Record<string, number> };
export type OnnxValue = { name: string; shape: Array<number | string> };

export type OnnxGraph = {
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
};

function writeValueInfo(w: ProtobufWriter, value: OnnxValue): void {
  w.string(1, value.name).message(2, (type) =>
    type.message(1, (tensor) =>
      tensor.int(1, ELEM_FLOAT).message(2, (shape) => {
        for (const dim of value.shape) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.int(1, dim) : d.string(2, dim)));
        }
      }),
    ),
  );
}

/** Serialises a float32 graph as an ONNX ModelProto (IR 8, opset 13). */
export function buildOnnxModel(graph: OnnxGraph): Uint8Array {
  return new ProtobufWriter()
    .int(1, IR_VERSION)
    .string(2, 'tenfold-tests')
    .message(7, (g) => {
      for (const node of graph.nodes) {
        g.message(1, (n) => {
          for (const input of node.inputs) n.string(1, input);
          for (const output of node.outputs) n.string(2, output);
          n.string(4, node.op);
          for (const [name, value] of Object.entries(node.intAttributes ?? {})) {
            n.message(5, (a) => a.string(1, name).int(3, value).int(20, ATTR_INT));
          }
        });
      }
      g.string(2, 'graph');
      for (const tensor of graph.initializers) {
        g.message(5, (t) => {
          for (const dim of tensor.dims) t.int(1, dim);
          t.int(2, ELEM_FLOAT).string(8, tensor.name);
          t.bytes(9, new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
        });
      }
      for (const input of graph.inputs) g.message(11, (v) => writeValueInfo(v, input));
      for (const output of graph.outputs) g.message(12, (v) => writeValueInfo(v, output));
    })
    .message(8, (opset) => opset.string(1, '').int(2, OPSET))
    .finish();
}

export type LinearModel = {
  /** Row-major [784, 10]: weights[pixel * 10 + class]. */
  weights: Float32Array;
  bias: Float32Array;
  /** Input shape; defaults to [N, 1, 28, 28] as torch.onnx.export writes it. */
  inputShape?: Array<number | string>;
};

/** logits = flatten(input) x W + b, the smallest model that is a real classifier. */
export function buildLinearOnnxModel(model: LinearModel): Uint8Array {
  return buildOnnxModel({
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
  });
}
