import { buildOnnxModel } from '@tenfold/scoring/testing';

/**
 * A valid classifier that takes a while to score: one hidden layer of `width` units, then
 * `layers` more matrix products of width x width (all weights zero, so it predicts class 0).
 * On this project's machine a width-1024 layer costs about 0.85 s over the 20,000 test and
 * shifted images.
 */
export function buildSlowModel(layers: number, width = 1024): Uint8Array {
  const hidden = Array.from({ length: layers }, (_, i) => ({
    op: 'MatMul',
    inputs: [`h${i}`, 'Whh'],
    outputs: [`h${i + 1}`],
  }));
  return buildOnnxModel({
    nodes: [
      { op: 'Flatten', inputs: ['input'], outputs: ['flat'], intAttributes: { axis: 1 } },
      { op: 'MatMul', inputs: ['flat', 'Win'], outputs: ['h0'] },
      ...hidden,
      { op: 'MatMul', inputs: [`h${layers}`, 'Wout'], outputs: ['logits'] },
    ],
    initializers: [
      { name: 'Win', dims: [784, width], data: new Float32Array(784 * width) },
      ...(layers > 0 ? [{ name: 'Whh', dims: [width, width], data: new Float32Array(width * width) }] : []),
      { name: 'Wout', dims: [width, 10], data: new Float32Array(width * 10) },
    ],
    inputs: [{ name: 'input', shape: ['N', 1, 28, 28] }],
    outputs: [{ name: 'logits', shape: ['N', 10] }],
  });
}
