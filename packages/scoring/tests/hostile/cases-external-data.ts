import { buildOnnxModel, type OnnxTensor } from '../../src/testing/build-onnx-model.ts';
import { classifierThen, constantNode, type HostileCase, linearGraph, sampleWeights } from './hostile-case.ts';
import { boolScalar, ifNode, int64Scalar, loopBody, loopNode } from './subgraph-builders.ts';

// ONNX external data: a tensor's values live in another file, named by `location`, at
// `offset`/`length`. Loaded from a buffer, onnxruntime-node 1.30 reads a relative location from
// its working directory (tried here: a Constant pointing at "passwd" came back as model output)
// and refuses absolute or escaping paths and its in-memory address marker itself. Tenfold
// refuses every form before ONNX Runtime sees the file.
const REASON = /keeps its values in external data/;

function externalBias(location: string, extra: Record<string, string> = {}): OnnxTensor {
  return { name: 'stolen', dims: [10], externalData: { location, offset: '0', length: '40', ...extra } };
}

/** The classifier with its bias added from a Constant whose value lives in external data. */
function addExternalConstant(location: string, extra: Record<string, string> = {}): Uint8Array {
  return classifierThen([
    constantNode('stolen', externalBias(location, extra)),
    { op: 'Add', inputs: ['logits', 'stolen'], outputs: ['out'] },
  ]);
}

const inSubgraph = {
  initializers: [int64Scalar('trip', 1), boolScalar('keep_going', true)],
};

export const EXTERNAL_DATA_CASES: HostileCase[] = [
  {
    name: 'external-data-initializer',
    tries: 'the weight initializer stored in a side file "weights.bin" next to the model',
    build: () => {
      const graph = linearGraph();
      const W: OnnxTensor = { name: 'W', dims: [784, 10], externalData: { location: 'weights.bin', offset: '0' } };
      return buildOnnxModel({ ...graph, initializers: [W, graph.initializers[1] as OnnxTensor] });
    },
    reason: /Initializer "W" keeps its values in external data \(location "weights\.bin"\)/,
  },
  {
    name: 'external-data-etc-passwd',
    tries: 'a Constant whose value is read from /etc/passwd',
    build: () => addExternalConstant('/etc/passwd'),
    reason:
      /The tensor "stolen" in attribute "value" of Constant node "stolen" keeps its values in external data \(location "\/etc\/passwd"\)/,
  },
  {
    name: 'external-data-relative-path',
    tries: "a Constant read from a file in the scoring process's working directory (ONNX Runtime would read it)",
    build: () => addExternalConstant('mat-debug.log'),
    reason: REASON,
  },
  {
    name: 'external-data-path-traversal',
    tries: 'a Constant read from ../../../../etc/shadow',
    build: () => addExternalConstant('../../../../etc/shadow'),
    reason: REASON,
  },
  {
    name: 'external-data-memory-address',
    tries: "ONNX Runtime's in-memory marker */_ORT_MEM_ADDR_/* with a raw address as offset (reads process memory)",
    build: () => addExternalConstant('*/_ORT_MEM_ADDR_/*', { offset: String(0x400000) }),
    reason: REASON,
  },
  {
    name: 'external-data-location-flag-only',
    tries: 'data_location EXTERNAL on an initializer that also carries inline data',
    build: () => {
      const graph = linearGraph();
      const B: OnnxTensor = { name: 'B', dims: [10], data: sampleWeights().bias, dataLocation: 1 };
      return buildOnnxModel({ ...graph, initializers: [graph.initializers[0] as OnnxTensor, B] });
    },
    reason: /Initializer "B" keeps its values in external data/,
  },
  {
    name: 'external-data-entries-only',
    tries: 'external_data entries with data_location left at DEFAULT',
    build: () =>
      classifierThen([
        constantNode('stolen', { ...externalBias('/etc/passwd'), dataLocation: 0 }),
        { op: 'Add', inputs: ['logits', 'stolen'], outputs: ['out'] },
      ]),
    reason: REASON,
  },
  {
    name: 'external-data-in-loop-body',
    tries: 'the external-data Constant hidden in a Loop body',
    build: () =>
      classifierThen(
        [
          loopNode(
            'loop',
            loopBody([
              constantNode('stolen', externalBias('/etc/passwd')),
              { op: 'Add', inputs: ['v_in', 'stolen'], outputs: ['v_out'] },
            ]),
            'logits',
            'out',
          ),
        ],
        inSubgraph,
      ),
    reason: /in the "body" graph of Loop node "loop" keeps its values in external data/,
  },
  {
    name: 'external-data-in-nested-subgraph',
    tries: 'the external-data Constant in a Loop body inside an If branch',
    build: () => {
      const loop = loopNode(
        'inner',
        loopBody([
          constantNode('stolen', externalBias('/etc/passwd')),
          { op: 'Add', inputs: ['v_in', 'stolen'], outputs: ['v_out'] },
        ]),
        'logits',
        'then_out',
      );
      const otherwise = [{ op: 'Identity', inputs: ['logits'], outputs: ['else_out'] }];
      return classifierThen([ifNode('branch', [loop], otherwise, 'out')], inSubgraph);
    },
    reason:
      /in the "body" graph of Loop node "inner" in the "then_branch" graph of If node "branch" keeps its values in external data/,
  },
  {
    name: 'external-data-in-sparse-initializer',
    tries: 'a sparse initializer whose values live in external data',
    build: () => {
      const graph = linearGraph();
      const values: OnnxTensor = { name: 'S', dims: [1], externalData: { location: '/etc/passwd' } };
      const indices: OnnxTensor = { name: 'S_indices', dims: [1], dataType: 7, int64Data: [0] };
      return buildOnnxModel({ ...graph, sparseInitializers: [{ dims: [10], values, indices }] });
    },
    reason: /The values tensor of a sparse initializer "S" keeps its values in external data/,
  },
  {
    name: 'external-data-in-function',
    tries: 'the external-data Constant inside a model-local function the graph calls',
    build: () =>
      classifierThen([{ op: 'Steal', domain: 'local', inputs: ['logits'], outputs: ['out'] }], {
        options: {
          opsets: [
            { domain: '', version: 13 },
            { domain: 'local', version: 1 },
          ],
          functions: [
            {
              name: 'Steal',
              domain: 'local',
              inputs: ['x'],
              outputs: ['y'],
              nodes: [
                constantNode('stolen', externalBias('/etc/passwd')),
                { op: 'Add', inputs: ['x', 'stolen'], outputs: ['y'] },
              ],
            },
          ],
        },
      }),
    reason: /in the function "Steal" keeps its values in external data/,
  },
];
