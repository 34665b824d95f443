import { buildOnnxModel, linearOnnxGraph } from '../../src/testing/build-onnx-model.ts';
import { classifierThen, floats, type HostileCase, int64s, linearGraph } from './hostile-case.ts';
import { ifNode } from './subgraph-builders.ts';

const INT64 = 7;

/** A linear model with `classes` outputs, declared with `declared` as output shape. */
function linearWithClasses(classes: number, declared: Array<number | string>): Uint8Array {
  const graph = linearOnnxGraph({ weights: new Float32Array(784 * classes), bias: new Float32Array(classes) });
  return buildOnnxModel({
    ...graph,
    initializers: [
      { name: 'W', dims: [784, classes], data: new Float32Array(784 * classes) },
      { name: 'B', dims: [classes], data: new Float32Array(classes) },
    ],
    outputs: [{ name: 'logits', shape: declared }],
  });
}

export const SIGNATURE_CASES: HostileCase[] = [
  {
    name: 'two-inputs',
    tries: 'a second graph input Tenfold cannot feed',
    build: () => {
      const graph = linearGraph();
      return buildOnnxModel({ ...graph, inputs: [...graph.inputs, { name: 'temperature', shape: [1] }] });
    },
    reason: /The model has 2 inputs \(input, temperature\); Tenfold feeds exactly one image tensor/,
  },
  {
    name: 'int64-input',
    tries: 'an int64 image input',
    build: () =>
      buildOnnxModel({
        nodes: [
          { op: 'Cast', inputs: ['input'], outputs: ['pixels'], intAttributes: { to: 1 } },
          { op: 'Flatten', inputs: ['pixels'], outputs: ['flat'], intAttributes: { axis: 1 } },
          { op: 'Gemm', inputs: ['flat', 'W', 'B'], outputs: ['logits'] },
        ],
        initializers: linearGraph().initializers,
        inputs: [{ name: 'input', shape: ['N', 1, 28, 28], elemType: INT64 }],
        outputs: [{ name: 'logits', shape: ['N', 10] }],
      }),
    reason: /input "input" is int64; Tenfold feeds float32 images/,
  },
  {
    name: 'output-9-classes',
    tries: 'scores for 9 classes, declared [N, 9]',
    build: () => linearWithClasses(9, ['N', 9]),
    reason: /output "logits" has shape \[N, 9\]: it must be \[N, 10\]/,
  },
  {
    name: 'output-classes-decided-at-run-time',
    tries: 'an If on the input whose branches return 11 or 10 classes, so only running shows the 11',
    build: () =>
      classifierThen(
        [
          // The condition depends on the pixels, so ONNX Runtime cannot fold the If away at load.
          { op: 'ReduceMax', inputs: ['input'], outputs: ['brightest'], intAttributes: { keepdims: 0 } },
          { op: 'Greater', inputs: ['brightest', 'half'], outputs: ['keep_going'] },
          ifNode(
            'pick',
            [{ op: 'Gemm', inputs: ['flat', 'W11', 'B11'], outputs: ['then_out'] }],
            [{ op: 'Identity', inputs: ['logits'], outputs: ['else_out'] }],
            'out',
          ),
        ],
        {
          initializers: [
            floats('half', [], [0.5]),
            { name: 'W11', dims: [784, 11], data: new Float32Array(784 * 11) },
            { name: 'B11', dims: [11], data: new Float32Array(11) },
          ],
          output: { shape: ['N', 'C'] },
        },
      ),
    reason: /For a batch of 100 images the model returned shape \[100, 11\]; it must return \[100, 10\]/,
  },
  {
    name: 'output-rank-1',
    tries: 'one score per image, shape [N] instead of [N, 10]',
    build: () =>
      classifierThen(
        [
          {
            op: 'ReduceMax',
            inputs: ['logits'],
            outputs: ['out'],
            attributes: [
              { name: 'axes', ints: [1] },
              { name: 'keepdims', int: 0 },
            ],
          },
        ],
        {
          output: { shape: ['N'] },
        },
      ),
    reason: /output "out" has shape \[N\]: it must be \[N, 10\]/,
  },
  {
    name: 'output-class-indices',
    tries: 'int64 class indices (ArgMax) instead of scores',
    build: () =>
      classifierThen(
        [{ op: 'ArgMax', inputs: ['logits'], outputs: ['out'], intAttributes: { axis: 1, keepdims: 1 } }],
        {
          output: { shape: ['N', 1], elemType: INT64 },
        },
      ),
    reason: /output "out" is int64; Tenfold expects float32 scores/,
  },
  {
    name: 'output-sequence',
    tries: 'a sequence of tensors instead of one tensor',
    build: () =>
      classifierThen([{ op: 'SplitToSequence', inputs: ['logits'], outputs: ['out'], intAttributes: { axis: 0 } }], {
        output: { shape: [1, 10], sequence: true },
      }),
    reason: /output "out" is not a tensor/,
  },
  {
    name: 'declared-shape-lies',
    tries: 'declares [N, 10] but returns [2N, 5] (a Reshape the declaration hides)',
    build: () =>
      classifierThen([{ op: 'Reshape', inputs: ['logits', 'half'], outputs: ['out'] }], {
        initializers: [int64s('half', [-1, 5])],
      }),
    reason: /For a batch of 100 images the model returned shape \[200, 5\]/,
  },
  {
    name: 'constant-output',
    tries: 'the same [1, 10] scores whatever the batch (declared [1, 10])',
    build: () =>
      classifierThen([{ op: 'Identity', inputs: ['fixed'], outputs: ['out'] }], {
        initializers: [floats('fixed', [1, 10], [0, 0, 0, 0, 0, 0, 0, 1, 0, 0])],
        output: { shape: [1, 10] },
      }),
    reason: /For a batch of 100 images the model returned shape \[1, 10\]/,
  },
  {
    name: 'reshape-to-wrong-size',
    tries: 'a Reshape of the [N, 10] scores to a fixed [7, 10], which only fits a batch of 7',
    build: () =>
      classifierThen([{ op: 'Reshape', inputs: ['logits', 'seven'], outputs: ['out'] }], {
        initializers: [int64s('seven', [7, 10])],
        output: { shape: [7, 10] },
      }),
    reason:
      /failed while running on test images: .*cannot be reshaped to the requested shape\. Input shape:\{100,10\}, requested shape:\{7,10\}/,
  },
];
