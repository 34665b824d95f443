import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isModelError } from '../../src/errors.ts';
import { readMnistDirectly } from '../../src/testing/index.ts';
import { checkTfjsManifest } from '../../src/tfjs/check-tfjs-manifest.ts';
import { KERAS_LAYER_CLASSES } from '../../src/tfjs/keras-layer-classes.ts';
import { predictTfjs } from '../../src/tfjs/predict-tfjs.ts';
import { TFJS_GRAPH_OPS } from '../../src/tfjs/tfjs-graph-ops.ts';
import { unpackTfjsArchive } from '../../src/tfjs/unpack-tfjs-archive.ts';
import { buildLinearGraphModel } from './support/build-graph-model.ts';
import { type Files, readModelJson, readTfjsFixture, zipFiles } from './support/zip-files.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests edit model.json freely
type Json = Record<string, any>;

async function check(files: Files) {
  return checkTfjsManifest(await unpackTfjsArchive(await zipFiles(files)));
}

async function refusal(files: Files): Promise<string> {
  const error = await check(files).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isModelError(error)).toBe(true);
  return String(error);
}

/** The cnn fixture with its model.json changed by `edit`. */
function editedCnn(edit: (json: Json) => void): Files {
  const files: Files = readTfjsFixture('cnn');
  const json = readModelJson(files) as Json;
  edit(json);
  files['model.json'] = JSON.stringify(json);
  return files;
}

const SHARD = 'group1-shard1of1.bin';

describe('checkTfjsManifest', () => {
  it('accepts a layers model and rebuilds its artifacts from checked values only', async () => {
    const files = editedCnn((json) => {
      json.trainingConfig = { loss: 'categorical_crossentropy', optimizer_config: { class_name: 'Adam' } };
      json.weightsManifest[0].weights[0].somethingNew = true;
    });
    const checked = await check(files);
    expect(checked.format).toBe('layers-model');
    expect(checked.artifacts.trainingConfig).toBeUndefined();
    expect(checked.artifacts.weightSpecs?.[0]).toEqual({ name: 'conv1/kernel', shape: [3, 3, 1, 8], dtype: 'float32' });
    expect((checked.artifacts.weightData as ArrayBuffer).byteLength).toBe(21_032);
  });

  it('sizes quantized weights by their stored dtype, and TF.js decodes them', async () => {
    const quantized = (quantization: Json) =>
      editedCnn((json) => (json.weightsManifest[0].weights[0].quantization = quantization));
    // conv1/kernel: 72 elements stored as 72 uint8 bytes instead of 288 float32 bytes.
    const files = quantized({ dtype: 'uint8', scale: 0.01, min: -0.5 });
    files[SHARD] = (files[SHARD] as Uint8Array).subarray(288 - 72);
    const checked = await check(files);
    expect(checked.artifacts.weightSpecs?.[0]?.quantization).toEqual({ dtype: 'uint8', scale: 0.01, min: -0.5 });
    const result = await predictTfjs({
      modelBytes: await zipFiles(files),
      contract: { layout: 'nhwc', scale: 'unit', output: 'logits' },
      scaling: 'unit',
      images: readMnistDirectly('t10k').images,
      count: 20,
      threads: 1,
    });
    expect(result.predictions).toHaveLength(20);
    const unscaled = quantized({ dtype: 'uint8' });
    expect(await refusal(unscaled)).toMatch(/"conv1\/kernel" is quantized as uint8 without the scale and min/);
  });

  it('refuses a weight file missing from the archive', async () => {
    const files = readTfjsFixture('cnn');
    delete files[SHARD];
    expect(await refusal(files)).toMatch(/names the weight file "group1-shard1of1\.bin", which is not in the archive/);
  });

  it('refuses shards whose size differs from the declared weights', async () => {
    const files = readTfjsFixture('cnn');
    files[SHARD] = files[SHARD]?.subarray(4) ?? new Uint8Array();
    expect(await refusal(files)).toMatch(
      /Weight group 0 of model\.json declares 21032 bytes of weights, but its files \(group1-shard1of1\.bin\) hold 21028 bytes/,
    );
  });

  it('accepts the "./weights.bin" spelling tfjs-node\'s model.save("file://dir") writes', async () => {
    const files = readTfjsFixture('cnn');
    const json = readModelJson(files) as Json;
    json.weightsManifest[0].paths = ['./weights.bin'];
    const { [SHARD]: shard, ...rest } = files;
    const checked = await check({ ...rest, 'model.json': JSON.stringify(json), 'weights.bin': shard as Uint8Array });
    expect((checked.artifacts.weightData as ArrayBuffer).byteLength).toBe(shard?.byteLength);
  });

  it.each([
    ['./../group1-shard1of1.bin', /which contains a "\.\." segment/],
    ['.//group1-shard1of1.bin', /which is an absolute path/],
    ['./sub/./group1-shard1of1.bin', /which contains an empty or "\." segment/],
    ['.\\group1-shard1of1.bin', /which contains a backslash/],
    ['./missing.bin', /weight file "\.\/missing\.bin", which is not in the archive/],
    ['', /weight file "", which is empty/],
    ['../group1-shard1of1.bin', /weight file "\.\.\/group1-shard1of1\.bin", which contains a "\.\." segment/],
    ['sub/../group1-shard1of1.bin', /which contains a "\.\." segment/],
    ['/group1-shard1of1.bin', /weight file "\/group1-shard1of1\.bin", which is an absolute path/],
    ['https://example.com/w.bin', /weight file "https:\/\/example\.com\/w\.bin", which contains ":"/],
    ['file:///etc/passwd', /which contains ":"/],
  ])('refuses the weight path %s', async (path, reason) => {
    expect(await refusal(editedCnn((json) => (json.weightsManifest[0].paths = [path])))).toMatch(reason);
  });

  it('refuses a layer class that is not a built-in Keras layer, naming it, also inside wrappers', async () => {
    const lambda = editedCnn((json) => (json.modelTopology.config.layers[5].class_name = 'Lambda'));
    expect(await refusal(lambda)).toMatch(
      /layer class "Lambda" \(layer "dense6"\), which is not a built-in Keras layer/,
    );
    const wrapped = editedCnn((json) => {
      json.modelTopology.config.layers[5] = {
        class_name: 'TimeDistributed',
        config: { name: 'td', layer: { class_name: 'MyAttention', config: { name: 'attention' } } },
      };
    });
    expect(await refusal(wrapped)).toMatch(/layer class "MyAttention" \(layer "attention"\)/);
  });

  it('refuses declared tensors beyond the element limit, unsupported dtypes and repeated names', async () => {
    const huge = editedCnn((json) => (json.weightsManifest[0].weights[0].shape = [100_000, 100_000]));
    expect(await refusal(huge)).toMatch(
      /weight "conv1\/kernel" has shape \[100000, 100000\]: more than 50000000 elements/,
    );
    const strings = editedCnn((json) => (json.weightsManifest[0].weights[0].dtype = 'string'));
    expect(await refusal(strings)).toMatch(/weightsManifest\.0\.weights\.0\.dtype: Invalid option/);
    const twice = editedCnn((json) => (json.weightsManifest[0].weights[1].name = 'conv1/kernel'));
    expect(await refusal(twice)).toMatch(/declares the weight "conv1\/kernel" twice/);
  });

  it('refuses a model.json without a known format, too deep, or with prototype keys', async () => {
    expect(await refusal(editedCnn((json) => delete json.format))).toMatch(
      /format: expected "layers-model" or "graph-model"/,
    );
    const deep = editedCnn((json) => {
      let nested: unknown = 1;
      for (let i = 0; i < 100; i++) nested = [nested];
      json.modelTopology.config.layers[0].config.deep = nested;
    });
    expect(await refusal(deep)).toMatch(/nests deeper than 64 levels/);
    const proto = readTfjsFixture('cnn');
    const text = new TextDecoder()
      .decode(proto['model.json'])
      .replace('"class_name"', '"__proto__": {"x": 1}, "class_name"');
    expect(await refusal({ ...proto, 'model.json': text })).toMatch(/contains the key "__proto__"/);
    expect(await refusal({ ...proto, 'model.json': '{"format": ' })).toMatch(/model\.json is not valid UTF-8 JSON/);
  });

  it('refuses graph nodes with inputs or constants that do not exist', async () => {
    const model = { weights: new Float32Array(7840), bias: new Float32Array(10) };
    const dangling = buildLinearGraphModel(model);
    const json = readModelJson(dangling) as Json;
    json.modelTopology.node.at(-1).input = ['matmul', 'nowhere:0'];
    expect(await refusal({ ...dangling, 'model.json': JSON.stringify(json) })).toMatch(
      /node "logits" takes input "nowhere:0", which is not a node of the graph/,
    );
    json.modelTopology.node.at(-1).input = ['matmul', 'b'];
    json.weightsManifest[0].weights[1].name = 'bias';
    expect(await refusal({ ...dangling, 'model.json': JSON.stringify(json) })).toMatch(
      /constant "b" has no value in weightsManifest/,
    );
  });

  it('whitelists only layer classes that TF.js registers', () => {
    const registered = tf.serialization.SerializationMap.getMap().classNameMap;
    expect([...KERAS_LAYER_CLASSES].filter((name) => !(name in registered))).toEqual([]);
  });

  it('lists exactly the ops the installed tfjs-converter maps', () => {
    const bundle = createRequire(import.meta.url).resolve('@tensorflow/tfjs-converter');
    const source = readFileSync(bundle, 'utf8');
    const ops = new Set([...source.matchAll(/'tfOpName': '(\w+)'/g)].map((match) => match[1]));
    expect([...TFJS_GRAPH_OPS].sort()).toEqual([...ops].sort());
  });
});
