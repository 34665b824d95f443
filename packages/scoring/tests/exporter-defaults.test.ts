import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InputContract, isModelError, type ScoringDataset, scoreArtifact } from '../src/index.ts';
import { buildOnnxModel, type OnnxGraph } from '../src/testing/build-onnx-model.ts';
import { buildCentroidModel, predictLinear, readMnistDirectly } from '../src/testing/index.ts';

// What other exporters write by default, built with the project's ONNX builder around one set of
// weights (nearest-centroid), each scored through the real sandbox and checked against the same
// weights run in plain TypeScript (predictLinear), or refused with the option that fixes it.
const IMAGES = 2000;
const INT64 = 7;
const UINT8 = 2;
const FLOAT16 = 10;
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-exporters-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let dataset: ScoringDataset;
let centroids: { weights: Float32Array; bias: Float32Array };
let expected: Uint8Array;

beforeAll(() => {
  const train = readMnistDirectly('train');
  const test = readMnistDirectly('t10k');
  centroids = buildCentroidModel(train.images, train.labels);
  dataset = {
    name: 'mnist',
    images: test.images.subarray(0, IMAGES * 784),
    labels: test.labels.subarray(0, IMAGES),
    count: IMAGES,
    fingerprint: 'exporter-defaults',
    normalization: { mean: 0.1307, std: 0.3081 },
  };
  expected = predictLinear(dataset.images, IMAGES, centroids).predictions;
});

/** input (any shape holding 784 pixels) -> Reshape [-1, 784] -> Gemm -> `scores`. */
function linearGraph(input: { name: string; shape: Array<number | string>; elemType?: number }): OnnxGraph {
  return {
    nodes: [
      { op: 'Reshape', inputs: [input.name, 'flat_shape'], outputs: ['flat'] },
      { op: 'Gemm', inputs: ['flat', 'W', 'B'], outputs: ['scores'] },
    ],
    initializers: [
      { name: 'W', dims: [784, 10], data: centroids.weights },
      { name: 'B', dims: [10], data: centroids.bias },
      { name: 'flat_shape', dims: [2], dataType: INT64, int64Data: [-1, 784] },
    ],
    inputs: [input],
    outputs: [{ name: 'scores', shape: [input.shape[0] ?? 'N', 10] }],
  };
}

const score = (modelBytes: Uint8Array, contract: InputContract) =>
  scoreArtifact({
    modelBytes,
    format: 'onnx',
    contract,
    dataset,
    limits: { wallTimeMs: 60_000, memoryMb: 1024 },
    workDir,
  });

const refusal = (modelBytes: Uint8Array, contract: InputContract) =>
  score(modelBytes, contract).then(
    () => new Error('the model was scored'),
    (error: unknown) => error,
  );

const UNIT_LOGITS = { layout: 'nchw', scale: 'unit', output: 'logits' } as const;

describe('what exporters write by default', () => {
  it('scores a tf2onnx export: NHWC input "input_1:0", unk__ batch dimension, opset 15', async () => {
    const graph = linearGraph({ name: 'input_1:0', shape: ['unk__6', 28, 28, 1] });
    const renamed: OnnxGraph = {
      ...graph,
      nodes: [...graph.nodes.slice(0, 1), { op: 'Gemm', inputs: ['flat', 'W', 'B'], outputs: ['dense:0'] }],
      outputs: [{ name: 'dense:0', shape: ['unk__7', 10] }],
    };
    const model = buildOnnxModel(renamed, { opsets: [{ domain: '', version: 15 }], producerName: 'tf2onnx' });
    const result = await score(model, { ...UNIT_LOGITS, layout: 'nhwc' });
    expect(Buffer.from(result.predictions).equals(Buffer.from(expected))).toBe(true);
  });

  it('scores the probabilities tensor of a model that writes an int64 label first (skl2onnx, zipmap off)', async () => {
    const graph = linearGraph({ name: 'X', shape: ['N', 784] });
    const model = buildOnnxModel({
      ...graph,
      nodes: [
        ...graph.nodes,
        { op: 'ArgMax', inputs: ['scores'], outputs: ['label'], intAttributes: { axis: 1, keepdims: 0 } },
        { op: 'Softmax', inputs: ['scores'], outputs: ['probabilities'], intAttributes: { axis: 1 } },
      ],
      outputs: [
        { name: 'label', shape: ['N'], elemType: INT64 },
        { name: 'probabilities', shape: ['N', 10] },
      ],
    });
    const result = await score(model, { layout: 'flat', scale: 'unit', output: 'probabilities' });
    expect(Buffer.from(result.predictions).equals(Buffer.from(expected))).toBe(true);
  });

  it('refuses a ZipMap-only output with the skl2onnx option that fixes it', async () => {
    const graph = linearGraph({ name: 'X', shape: ['N', 784] });
    const model = buildOnnxModel({
      ...graph,
      nodes: [...graph.nodes, { op: 'SequenceConstruct', inputs: ['scores'], outputs: ['output_probability'] }],
      outputs: [{ name: 'output_probability', shape: ['N', 10], sequence: true }],
    });
    const error = await refusal(model, { layout: 'flat', scale: 'unit', output: 'probabilities' });
    expect(String(error)).toMatch(/is not a tensor .*options=\{id\(model\): \{'zipmap': False\}\}/);
    expect(isModelError(error)).toBe(true);
  });

  it('scores an export without dynamic axes (input [1, 1, 28, 28]) one image per batch', async () => {
    const model = buildOnnxModel(linearGraph({ name: 'input', shape: [1, 1, 28, 28] }), {
      opsets: [{ domain: '', version: 17 }],
    });
    const result = await score(model, UNIT_LOGITS);
    expect(Buffer.from(result.predictions).equals(Buffer.from(expected))).toBe(true);
  });

  it('scores opset 21 (onnxruntime-node 1.30 runs opsets up to 26)', async () => {
    const model = buildOnnxModel(linearGraph({ name: 'input', shape: ['N', 1, 28, 28] }), {
      irVersion: 10,
      opsets: [{ domain: '', version: 21 }],
    });
    const result = await score(model, UNIT_LOGITS);
    expect(Buffer.from(result.predictions).equals(Buffer.from(expected))).toBe(true);
  });

  it.each([
    { type: 'float16', elemType: FLOAT16, fix: /convert_float_to_float16\(model, keep_io_types=True\)/ },
    { type: 'uint8', elemType: UINT8, fix: /export with a float32 input .* declare scale byte/ },
  ])('refuses a $type input, saying which export option fixes it', async ({ type, elemType, fix }) => {
    const graph = linearGraph({ name: 'input', shape: ['N', 1, 28, 28], elemType });
    // The pixels are cast to float32 first, as such an export does inside the graph.
    const patched = buildOnnxModel({
      ...graph,
      nodes: [
        { op: 'Cast', inputs: ['input'], outputs: ['as_float'], intAttributes: { to: 1 } },
        { op: 'Reshape', inputs: ['as_float', 'flat_shape'], outputs: ['flat'] },
        ...graph.nodes.slice(1),
      ],
    });
    const error = await refusal(patched, UNIT_LOGITS);
    expect(String(error)).toMatch(new RegExp(`input "input" is ${type}; Tenfold feeds float32 images`));
    expect(String(error)).toMatch(fix);
    expect(isModelError(error)).toBe(true);
  });
});
