import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packOnnxFiles } from '@tenfold/artifacts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModelError, type ScoringDataset, scoreArtifact, sha256Hex } from '../src/index.ts';
import { buildOnnxModel, type OnnxGraph } from '../src/testing/build-onnx-model.ts';
import {
  buildCentroidModel,
  linearOnnxGraph,
  predictLinear,
  readMnistDirectly,
  splitExternalData,
  TORCH_DATA_FILE,
} from '../src/testing/index.ts';
import { boolScalar, ifNode } from './hostile/subgraph-builders.ts';
import { zipFiles } from './tfjs/support/zip-files.ts';

// PyTorch 2.9+'s torch.onnx.export writes model.onnx (the graph, IR 10, opset 18-20) and
// model.onnx.data (every weight, each tensor pointing at it by location/offset/length).
const LIMITS = { wallTimeMs: 60_000, memoryMb: 1024 };
const CONTRACT = { layout: 'nchw', scale: 'unit', output: 'logits' } as const;
const TORCH_OPTIONS = (opset: number) => ({ irVersion: 10, opsets: [{ domain: '', version: opset }] });

let workDir: string;
let dataset: ScoringDataset;
let model: { weights: Float32Array; bias: Float32Array };
let expected: Uint8Array;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'tenfold-external-'));
  const train = readMnistDirectly('train');
  const test = readMnistDirectly('t10k');
  model = buildCentroidModel(train.images, train.labels);
  dataset = { ...test, name: 'MNIST', fingerprint: 'test-fingerprint', normalization: { mean: 0.1307, std: 0.3081 } };
  const reference = predictLinear(dataset.images, dataset.count, model);
  expect(reference.smallestMargin).toBeGreaterThan(1e-4);
  expected = reference.predictions;
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function score(modelBytes: Uint8Array) {
  return scoreArtifact({ modelBytes, format: 'onnx', contract: CONTRACT, dataset, limits: LIMITS, workDir });
}

async function refusal(modelBytes: Uint8Array): Promise<string> {
  const error = await score(modelBytes).catch((e: unknown) => e);
  expect(isModelError(error)).toBe(true);
  return String(error);
}

/** The linear classifier whose bias is added by a Constant inside an If branch (a subgraph). */
function graphWithSubgraphConstant(): OnnxGraph {
  const graph = linearOnnxGraph({ ...model, bias: new Float32Array(10) });
  const addBias = [
    {
      op: 'Constant',
      inputs: [],
      outputs: ['bias'],
      name: 'bias',
      attributes: [{ name: 'value', tensor: { name: 'bias', dims: [10], data: model.bias } }],
    },
    { op: 'Add', inputs: ['logits', 'bias'], outputs: ['then_out'] },
  ];
  return {
    ...graph,
    nodes: [
      ...graph.nodes,
      ifNode('branch', addBias, [{ op: 'Identity', inputs: ['logits'], outputs: ['else_out'] }], 'out'),
    ],
    initializers: [...graph.initializers, boolScalar('keep_going', true)],
    outputs: [{ name: 'out', shape: ['N', 10] }],
  };
}

describe('ONNX models with external data, as PyTorch 2.9+ exports them', () => {
  it.each([18, 19, 20])(
    'scores model.onnx + model.onnx.data (IR 10, opset %i) exactly as plain TypeScript predicts',
    async (opset) => {
      const { graph, data } = splitExternalData(linearOnnxGraph(model));
      const onnx = buildOnnxModel(graph, TORCH_OPTIONS(opset));
      expect(onnx.byteLength).toBeLessThan(1000);
      const artifact = await packOnnxFiles([
        { name: 'model.onnx', bytes: onnx },
        { name: TORCH_DATA_FILE, bytes: data },
      ]);
      const result = await score(artifact);
      expect(result.predictions.filter((p, i) => p !== expected[i]).length).toBe(0);
      expect(result.parameterCount).toBe(7850);
      expect(result.modelSha256).toBe(sha256Hex(artifact));
    },
  );

  it('reads external tensors of subgraphs from the upload, never from the disk', async () => {
    const { graph, data } = splitExternalData(graphWithSubgraphConstant());
    const files = { 'model.onnx': buildOnnxModel(graph, TORCH_OPTIONS(18)), [TORCH_DATA_FILE]: data };
    // A user's own zip of the export folder works as the packed upload does.
    const result = await score(await zipFiles(files, 'export/'));
    expect(result.predictions.filter((p, i) => p !== expected[i]).length).toBe(0);
  });

  it('refuses model.onnx alone, saying which file to add or how to export one file', async () => {
    const { graph } = splitExternalData(linearOnnxGraph(model));
    expect(await refusal(buildOnnxModel(graph, TORCH_OPTIONS(18)))).toMatch(
      /Initializer "W" keeps its values in external data \(location "model\.onnx\.data"\), a file of its own: upload it together with the \.onnx file .*external_data=False/,
    );
  });

  it('refuses files the model does not read, and data that does not fit the file', async () => {
    const { graph, data } = splitExternalData(linearOnnxGraph(model));
    const onnx = buildOnnxModel(graph, TORCH_OPTIONS(18));
    const extra = await packOnnxFiles([
      { name: 'model.onnx', bytes: onnx },
      { name: TORCH_DATA_FILE, bytes: data },
      { name: 'notes.txt', bytes: new TextEncoder().encode('hello') },
    ]);
    expect(await refusal(extra)).toMatch(
      /The upload holds "notes\.txt" beside the model, but no tensor of the model reads it/,
    );
    const short = await packOnnxFiles([
      { name: 'model.onnx', bytes: onnx },
      { name: TORCH_DATA_FILE, bytes: data.subarray(0, 1000) },
    ]);
    expect(await refusal(short)).toMatch(
      /Initializer "W" keeps its values in external data \(location "model\.onnx\.data"\) at bytes 0 to 31360, past the end of that file \(1000 bytes\)/,
    );
  });
});
