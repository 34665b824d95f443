import { buildOnnxModel } from '../../src/testing/build-onnx-model.ts';
import { ProtobufWriter } from '../../src/testing/protobuf-writer.ts';
import { type HostileCase, linearGraph } from './hostile-case.ts';

const withOptions = (options: Parameters<typeof buildOnnxModel>[1]) => () => buildOnnxModel(linearGraph(), options);

export const VERSION_CASES: HostileCase[] = [
  {
    name: 'ir-version-0',
    tries: 'IR version 0 (ONNX Runtime itself loads it)',
    build: withOptions({ irVersion: 0 }),
    reason: /declares ONNX IR version 0; .* loads IR versions 3 to 13/,
  },
  {
    name: 'ir-version-future',
    tries: 'IR version 99',
    build: withOptions({ irVersion: 99 }),
    reason: /declares ONNX IR version 99/,
  },
  {
    name: 'ir-version-negative',
    tries: 'IR version -1 (a 10-byte varint)',
    build: withOptions({ irVersion: -1 }),
    reason: /declares ONNX IR version -1/,
  },
  {
    name: 'opset-far-future',
    tries: 'the standard opset 1000',
    build: withOptions({ opsets: [{ domain: '', version: 1000 }] }),
    reason: /imports opset 1000 of the standard ONNX domain; .* runs opsets 1 to 26/,
  },
  {
    name: 'no-opset-import',
    tries: 'no opset_import at all',
    build: withOptions({ opsets: [] }),
    reason: /imports no version of the standard ONNX operator set/,
  },
  {
    name: 'ort-config-metadata',
    tries:
      'ONNX Runtime session options in the "ort_config" metadata key (honoured under ORT_LOAD_CONFIG_FROM_MODEL=1)',
    build: withOptions({
      metadata: { ort_config: '{"session_options": {"intra_op_num_threads": 64, "enable_profiling": true}}' },
    }),
    reason: /session settings in its metadata \("ort_config"\)/,
  },
  {
    name: 'training-info',
    tries: 'a training_info section (training graphs next to the inference graph)',
    build: () => {
      const model = buildOnnxModel(linearGraph());
      const training = new ProtobufWriter().message(20, (t) => t.message(1, (g) => g.string(2, 'init'))).finish();
      const out = new Uint8Array(model.length + training.length);
      out.set(model);
      out.set(training, model.length);
      return out;
    },
    reason: /carries training information/,
  },
];
