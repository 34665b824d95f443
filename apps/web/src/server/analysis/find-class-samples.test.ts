import { describe, expect, it } from 'vitest';
import { findClassSamples } from './find-class-samples.ts';

describe('findClassSamples', () => {
  it("takes each class's first images; MNIST's first test labels are 7 2 1 0 4 1 4 9 5 9", () => {
    const labels = Uint8Array.from([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const samples = findClassSamples(labels, 10, 2);
    expect(samples[1]).toEqual([2, 5]);
    expect(samples[9]).toEqual([7, 9]);
    expect(samples[3]).toEqual([]);
  });
});
