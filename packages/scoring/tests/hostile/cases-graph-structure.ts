import { buildOnnxModel, type OnnxNode, writeGraph } from '../../src/testing/build-onnx-model.ts';
import { ProtobufWriter } from '../../src/testing/protobuf-writer.ts';
import { classifierThen, type HostileCase, linearGraph } from './hostile-case.ts';

const GEMM = (inputs: string[], output: string): OnnxNode => ({ op: 'Gemm', inputs, outputs: [output] });

/** A TypeProto nested `depth` sequences deep around a float tensor type. */
function nestedSequenceType(w: ProtobufWriter, depth: number): void {
  if (depth === 0) w.message(1, (tensor) => tensor.int(1, 1));
  else w.message(4, (sequence) => sequence.message(1, (elem) => nestedSequenceType(elem, depth - 1)));
}

export const GRAPH_STRUCTURE_CASES: HostileCase[] = [
  {
    name: 'zero-node-graph',
    tries: 'a graph with no nodes whose output is its input',
    build: () =>
      buildOnnxModel({
        nodes: [],
        initializers: [],
        inputs: [{ name: 'input', shape: ['N', 1, 28, 28] }],
        outputs: [{ name: 'input', shape: ['N', 1, 28, 28] }],
      }),
    reason: /graph has no nodes: it computes nothing/,
  },
  {
    name: 'no-outputs',
    tries: 'a graph that declares no outputs',
    build: () => buildOnnxModel({ ...linearGraph(), outputs: [] }),
    reason: /declares no outputs/,
  },
  {
    name: 'undefined-input',
    tries: 'a node reading a value nothing defines',
    build: () => classifierThen([{ op: 'Add', inputs: ['logits', 'ghost'], outputs: ['out'] }]),
    reason: /ONNX Runtime could not load the model: .*ghost/,
  },
  {
    name: 'cycle',
    tries: 'two nodes that feed each other',
    build: () =>
      classifierThen([
        { op: 'Add', inputs: ['logits', 'b'], outputs: ['a'] },
        { op: 'Relu', inputs: ['a'], outputs: ['b'] },
        { op: 'Identity', inputs: ['a'], outputs: ['out'] },
      ]),
    reason: /ONNX Runtime could not load the model: .*(cycle|acyclic|does not have type information)/i,
  },
  {
    name: 'duplicate-output-names',
    tries: 'two nodes writing the same value name',
    build: () =>
      classifierThen([
        { op: 'Relu', inputs: ['logits'], outputs: ['out'] },
        { op: 'Sigmoid', inputs: ['logits'], outputs: ['out'] },
      ]),
    reason: /ONNX Runtime could not load the model: .*out/,
  },
  {
    name: 'duplicate-initializer-names',
    tries: 'two initializers named W of different shapes',
    build: () => {
      const graph = linearGraph();
      const decoy = { name: 'W', dims: [784, 3], data: new Float32Array(784 * 3) };
      return buildOnnxModel({ ...graph, initializers: [...graph.initializers, decoy] });
    },
    reason: /ONNX Runtime could not load the model: .*W/,
  },
  {
    name: 'gemm-shape-mismatch',
    tries: 'a Gemm whose weight cannot multiply the flattened image',
    build: () => {
      const graph = linearGraph();
      return buildOnnxModel({
        ...graph,
        nodes: [graph.nodes[0] as OnnxNode, GEMM(['flat', 'W2', 'B'], 'logits')],
        initializers: [...graph.initializers, { name: 'W2', dims: [100, 10], data: new Float32Array(1000) }],
      });
    },
    reason: /(could not load the model|failed while running on test images): .*Gemm/,
  },
  {
    name: 'deeply-nested-type',
    tries: 'an output type nested 500 sequences deep (recursion in the protobuf parser)',
    build: () =>
      new ProtobufWriter()
        .int(1, 8)
        .message(7, (g) => {
          writeGraph(g, linearGraph());
          g.message(13, (v) => v.string(1, 'deep').message(2, (type) => nestedSequenceType(type, 500)));
        })
        .message(8, (o) => o.string(1, '').int(2, 13))
        .finish(),
    reason: /ONNX Runtime could not load the model/,
  },
];
