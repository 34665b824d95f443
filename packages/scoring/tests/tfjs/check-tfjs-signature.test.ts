import type { InputLayout } from '@tenfold/contract';
import { describe, expect, it } from 'vitest';
import { readMnistDirectly } from '../../src/testing/index.ts';
import { predictTfjs } from '../../src/tfjs/predict-tfjs.ts';
import { type Files, readModelJson, readTfjsFixture, zipFiles } from './support/zip-files.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests edit model.json freely
type Json = Record<string, any>;

const test = readMnistDirectly('t10k');

async function predict(files: Files, layout: InputLayout) {
  return predictTfjs({
    modelBytes: await zipFiles(files),
    contract: { layout, scale: 'unit', output: 'logits' },
    scaling: 'unit',
    images: test.images,
    count: 20,
    threads: 1,
  });
}

function edited(name: string, edit: (json: Json, files: Files) => void): Files {
  const files: Files = readTfjsFixture(name);
  const json = readModelJson(files) as Json;
  edit(json, files);
  files['model.json'] = JSON.stringify(json);
  return files;
}

describe('predictTfjs checks a layers model against the declared contract', () => {
  it.each([
    [
      'cnn',
      'flat',
      /input "\w+" has shape \[N, 28, 28, 1\], which does not fit the declared input layout \(layout flat means \[N, 784\]/,
    ],
    ['cnn', 'nchw', /has shape \[N, 28, 28, 1\], which does not fit .*layout nchw means \[N, 1, 28, 28\]/],
    ['linear', 'nhwc', /has shape \[N, 784\], which does not fit .*layout nhwc means \[N, 28, 28, 1\]/],
  ] as const)('refuses %s declared as %s', async (name, layout, reason) => {
    await expect(predict(readTfjsFixture(name), layout)).rejects.toThrow(reason);
  });

  it('accepts each fixture under its own layout', async () => {
    await expect(predict(readTfjsFixture('linear'), 'flat')).resolves.toMatchObject({ backend: 'tfjs-wasm' });
    await expect(predict(readTfjsFixture('cnn'), 'nhwc')).resolves.toMatchObject({ backend: 'tfjs-wasm' });
  });

  it('refuses an output that is not 10 classes', async () => {
    const files = edited('linear', (json, f) => {
      json.modelTopology.config.layers[0].config.units = 7;
      json.weightsManifest[0].weights = [
        { name: 'dense1/kernel', shape: [784, 7], dtype: 'float32' },
        { name: 'dense1/bias', shape: [7], dtype: 'float32' },
      ];
      f['group1-shard1of1.bin'] = new Uint8Array(785 * 7 * 4);
    });
    await expect(predict(files, 'flat')).rejects.toThrow(/output "\S+" has shape \[N, 7\]: it must end in 10 classes/);
  });

  it('scores a Keras [N, 28, 28] input under layout nhw, and names that layout otherwise', async () => {
    const files = edited(
      'mlp',
      (json) => (json.modelTopology.config.layers[0].config.batch_input_shape = [null, 28, 28]),
    );
    await expect(predict(files, 'nhwc')).rejects.toThrow(
      /has shape \[N, 28, 28\], without a channel axis .* but layout nhwc was declared .* Declare layout nhw\./,
    );
    // Flatten reads [28, 28] and [28, 28, 1] in the same order: the same network, the same answers.
    const bare = await predict(files, 'nhw');
    const withChannel = await predict(readTfjsFixture('mlp'), 'nhwc');
    expect(bare.predictions).toEqual(withChannel.predictions);
    expect(bare.predictions.filter((p, i) => p === test.labels[i]).length).toBeGreaterThan(15);
  });

  it('loads weights strictly: a weight the topology does not use is an error', async () => {
    const files = edited('linear', (json, f) => {
      json.weightsManifest[0].weights.push({ name: 'ghost/kernel', shape: [1], dtype: 'float32' });
      f['group1-shard1of1.bin'] = new Uint8Array([...(f['group1-shard1of1.bin'] as Uint8Array), 0, 0, 0, 0]);
    });
    await expect(predict(files, 'flat')).rejects.toThrow(/TF\.js could not load the model: .*ghost\/kernel/);
  });
});
