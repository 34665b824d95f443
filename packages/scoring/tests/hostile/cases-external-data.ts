import { packOnnxFiles } from '@tenfold/artifacts';
import { buildOnnxModel, type OnnxGraph, type OnnxTensor } from '../../src/testing/build-onnx-model.ts';
import { splitExternalData, TORCH_DATA_FILE } from '../../src/testing/split-external-data.ts';
import { classifierThen, constantNode, type HostileCase, linearGraph, sampleWeights } from './hostile-case.ts';
import { boolScalar, ifNode, int64Scalar, loopBody, loopNode } from './subgraph-builders.ts';

// ONNX external data: a tensor's values live in another file, named by `location`, at
// `offset`/`length`. Loaded from a buffer, onnxruntime-node 1.30 reads a relative location from
// its working directory (tried here: a Constant pointing at "passwd" came back as model output),
// even for subgraph tensors when given the files in memory, and refuses absolute or escaping
// paths and its in-memory address marker itself. Tenfold accepts external data only from files
// uploaded with the model, copies it into the model before ONNX Runtime sees it, and refuses
// every other form before that.
const REASON = /keeps its values in external data/;
const PATH_REASON =
  /which is a path, not a plain file name: a location must be the name of a file uploaded together with the model/;

/**
 * The classifier as PyTorch 2.9+ writes it (IR 10, opset 18, model.onnx + model.onnx.data),
 * with the external_data entries of W changed by `edit` and `extra` files in the upload.
 */
function torchUpload(
  edit: (entries: Record<string, string>) => Record<string, string>,
  extra: Record<string, Uint8Array> = {},
  change: (graph: OnnxGraph) => OnnxGraph = (graph) => graph,
): Promise<Uint8Array> {
  const { graph, data } = splitExternalData(linearGraph());
  const [W, B] = graph.initializers as [OnnxTensor, OnnxTensor];
  const entries = W.externalData as Record<string, string>;
  const edited = change({ ...graph, initializers: [{ ...W, externalData: edit(entries) }, B] });
  const onnx = buildOnnxModel(edited, { irVersion: 10, opsets: [{ domain: '', version: 18 }] });
  return packOnnxFiles([
    { name: 'model.onnx', bytes: onnx },
    { name: TORCH_DATA_FILE, bytes: data },
    ...Object.entries(extra).map(([name, bytes]) => ({ name, bytes })),
  ]);
}

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
  {
    name: 'external-data-upload-etc-passwd',
    tries: 'model.onnx uploaded with model.onnx.data, but the weight read from /etc/passwd',
    build: () => torchUpload((entries) => ({ ...entries, location: '/etc/passwd' })),
    reason: new RegExp(
      `Initializer "W" keeps its values in external data \\(location "/etc/passwd"\\), ${PATH_REASON.source}`,
    ),
  },
  {
    name: 'external-data-upload-path-traversal',
    tries: 'the weight read from ../model.onnx.data, outside the upload',
    build: () => torchUpload((entries) => ({ ...entries, location: '../model.onnx.data' })),
    reason: PATH_REASON,
  },
  {
    name: 'external-data-upload-subfolder',
    tries: 'the weight read from data/model.onnx.data, a folder inside the upload',
    build: () => torchUpload((entries) => ({ ...entries, location: 'data/model.onnx.data' })),
    reason: PATH_REASON,
  },
  {
    name: 'external-data-upload-backslash',
    tries: 'the weight read from ..\\model.onnx.data (a Windows path)',
    build: () => torchUpload((entries) => ({ ...entries, location: '..\\model.onnx.data' })),
    reason: PATH_REASON,
  },
  {
    name: 'external-data-upload-missing-file',
    tries: 'the weight read from weights.bin, a file the upload lacks (it holds model.onnx.data)',
    build: () => torchUpload((entries) => ({ ...entries, location: 'weights.bin' })),
    reason:
      /Initializer "W" keeps its values in external data \(location "weights\.bin"\), but the upload holds no file of that name \(external-data files uploaded: "model\.onnx\.data"\)/,
  },
  {
    name: 'external-data-upload-offset-past-end',
    tries: 'an offset beyond the end of model.onnx.data',
    build: () => torchUpload((entries) => ({ ...entries, offset: '1000000' })),
    reason: /\(location "model\.onnx\.data"\) at bytes 1000000 to 1031360, past the end of that file \(31400 bytes\)/,
  },
  {
    name: 'external-data-upload-length-mismatch',
    tries: 'a length that is not what the [784, 10] float32 shape takes (reads past the tensor)',
    build: () => torchUpload((entries) => ({ ...entries, length: '31400' })),
    reason: /with the length 31400 bytes, but its shape and type take 31360 bytes/,
  },
  {
    name: 'external-data-upload-no-length',
    tries: 'external_data without a length',
    build: () => torchUpload(({ length: _length, ...entries }) => entries),
    reason: /\(location "model\.onnx\.data"\) but gives no length/,
  },
  {
    name: 'external-data-upload-offset-not-a-number',
    tries: 'an offset of 2^70, past every integer type',
    build: () => torchUpload((entries) => ({ ...entries, offset: '1180591620717411303424' })),
    reason: /has the offset "1180591620717411303424", which is not a byte count/,
  },
  {
    name: 'external-data-upload-duplicate-location',
    tries: 'two location entries, the second /etc/passwd (parsers disagree on which one wins)',
    build: () =>
      torchUpload(
        (entries) => entries,
        {},
        (graph) => ({
          ...graph,
          initializers: graph.initializers.map((tensor) => {
            if (tensor.name !== 'W' || Array.isArray(tensor.externalData)) return tensor;
            const entries = Object.entries(tensor.externalData ?? {}) as Array<[string, string]>;
            return { ...tensor, externalData: [...entries, ['location', '/etc/passwd']] };
          }),
        }),
      ),
    reason: /gives the external_data key "location" twice/,
  },
  {
    name: 'external-data-upload-unused-file',
    tries: 'a file in the upload that no tensor reads (a stowaway stored with the model)',
    build: () => torchUpload((entries) => entries, { passwd: new TextEncoder().encode('root:x:0:0') }),
    reason: /The upload holds "passwd" beside the model, but no tensor of the model reads it/,
  },
];
