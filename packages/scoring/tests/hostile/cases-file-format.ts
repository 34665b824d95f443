import { MAX_MODEL_BYTES } from '../../src/onnx/onnx-limits.ts';
import { buildOnnxModel, writeGraph } from '../../src/testing/build-onnx-model.ts';
import { ProtobufWriter } from '../../src/testing/protobuf-writer.ts';
import { type HostileCase, linearGraph } from './hostile-case.ts';

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Deterministic noise (xorshift32), so the case is the same on every run. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const linearModel = () => buildOnnxModel(linearGraph());

export const FILE_FORMAT_CASES: HostileCase[] = [
  {
    name: 'empty-file',
    tries: 'a zero-byte upload',
    build: () => new Uint8Array(0),
    reason: /The uploaded file is empty/,
  },
  {
    name: 'random-bytes',
    tries: '4 KB of noise',
    build: () => noise(4096, 0x2545f491),
    reason: /could not load the model: the file is not an ONNX model/,
  },
  {
    name: 'json-text',
    tries: 'a TF.js model.json uploaded as ONNX',
    build: () => new TextEncoder().encode('{"modelTopology": {}, "weightsManifest": []}'),
    reason: /not an ONNX model.*JSON text/,
  },
  {
    name: 'zip-archive',
    tries: 'a PyTorch .pt checkpoint (a ZIP archive) uploaded as ONNX',
    build: () => concat(Uint8Array.of(0x50, 0x4b, 0x03, 0x04), noise(200, 7)),
    reason: /not an ONNX model.*ZIP archive.*torch\.onnx\.export/,
  },
  {
    name: 'truncated-protobuf',
    tries: 'a valid model cut off in the middle of its weights',
    build: () => linearModel().subarray(0, 20_000),
    reason: /not an ONNX model \(.*only \d+ remain; is the file truncated\?/,
  },
  {
    name: 'protobuf-group-field',
    tries: 'a valid model followed by a proto2 group field, which ONNX never uses',
    build: () => concat(linearModel(), new ProtobufWriter().tag(15, 3).finish()),
    reason: /not an ONNX model \(a field has the unsupported wire type 3\)/,
  },
  {
    name: 'no-graph',
    tries: 'a ModelProto with an IR version and opset but no graph',
    build: () =>
      new ProtobufWriter()
        .int(1, 8)
        .message(8, (o) => o.string(1, '').int(2, 13))
        .finish(),
    reason: /not an ONNX model \(it has no graph\)/,
  },
  {
    name: 'two-graphs',
    tries: 'a second graph field, which protobuf parsers silently merge into the first',
    build: () => concat(linearModel(), new ProtobufWriter().message(7, (g) => writeGraph(g, linearGraph())).finish()),
    reason: /not a valid ONNX model \(the model: it has two graphs\)/,
  },
  {
    name: 'ort-format-polyglot',
    tries: 'bytes 4-7 spelling "ORTM", which makes ONNX Runtime parse the buffer as its flatbuffer format instead',
    // ir_version (2 bytes), then producer_name's tag and length: the name starts at byte 4.
    build: () => buildOnnxModel(linearGraph(), { producerName: 'ORTM-polyglot' }),
    reason: /ORT format/,
  },
  {
    name: 'oversized-file',
    tries: 'a model just over 100 MB (an honest classifier plus 100 MB of unused weights)',
    build: () => {
      const graph = linearGraph();
      const padding = { name: 'unused', dims: [MAX_MODEL_BYTES / 4], rawData: new Uint8Array(MAX_MODEL_BYTES) };
      return buildOnnxModel({ ...graph, initializers: [...graph.initializers, padding] });
    },
    reason: /larger than the 100 MB limit/,
  },
];
