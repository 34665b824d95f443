import { ATTRIBUTE, FUNCTION, GRAPH, MODEL, NODE, SPARSE_TENSOR } from './onnx-wire-format.ts';
import { type ProtobufCursor, readVarint } from './protobuf-reader.ts';

type MessageKind = 'model' | 'graph' | 'node' | 'attribute' | 'function' | 'sparse' | 'tensor';

/** Where TensorProtos sit in a ModelProto: the same paths inspectOnnxModel walks. */
const CHILDREN: Record<Exclude<MessageKind, 'tensor'>, ReadonlyMap<number, MessageKind>> = {
  model: new Map([
    [MODEL.graph, 'graph'],
    [MODEL.functions, 'function'],
  ]),
  graph: new Map([
    [GRAPH.node, 'node'],
    [GRAPH.initializer, 'tensor'],
    [GRAPH.sparseInitializer, 'sparse'],
  ]),
  node: new Map([[NODE.attribute, 'attribute']]),
  attribute: new Map([
    [ATTRIBUTE.t, 'tensor'],
    [ATTRIBUTE.tensors, 'tensor'],
    [ATTRIBUTE.g, 'graph'],
    [ATTRIBUTE.graphs, 'graph'],
    [ATTRIBUTE.sparseTensor, 'sparse'],
    [ATTRIBUTE.sparseTensors, 'sparse'],
  ]),
  function: new Map([
    [FUNCTION.node, 'node'],
    [FUNCTION.attributeProto, 'attribute'],
  ]),
  sparse: new Map([
    [SPARSE_TENSOR.values, 'tensor'],
    [SPARSE_TENSOR.indices, 'tensor'],
  ]),
};

export type TensorEdit = (tensor: Uint8Array) => Uint8Array | null;

function varint(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Uint8Array.from(out);
}

/** A length-delimited field: tag, length, payload. */
export function lengthDelimited(number: number, payload: Uint8Array): Uint8Array[] {
  return [varint(number * 8 + 2), varint(payload.length), payload];
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One field of a message with its extent, so it can be copied or dropped as it is. */
export type FieldSpan = { number: number; wireType: number; start: number; end: number; payload?: Uint8Array };

/** The fields of a message that has already passed the inspection (which refused malformed bytes). */
export function* readFieldSpans(bytes: Uint8Array): Generator<FieldSpan> {
  const cursor: ProtobufCursor = { bytes, offset: 0 };
  while (cursor.offset < bytes.length) {
    const start = cursor.offset;
    const tag = readVarint(cursor);
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    let payload: Uint8Array | undefined;
    if (wireType === 0) readVarint(cursor);
    else if (wireType === 1) cursor.offset += 8;
    else if (wireType === 5) cursor.offset += 4;
    else if (wireType === 2) {
      const length = readVarint(cursor);
      payload = bytes.subarray(cursor.offset, cursor.offset + length);
      cursor.offset += length;
    } else throw new Error(`Unexpected protobuf wire type ${wireType} in an inspected model.`);
    if (cursor.offset > bytes.length) throw new Error('A field of an inspected model runs past its message.');
    yield { number, wireType, start, end: cursor.offset, payload };
  }
}

/** Returns the message with its tensors edited, or null when no tensor in it changed. */
function rewrite(bytes: Uint8Array, kind: MessageKind, edit: TensorEdit): Uint8Array | null {
  if (kind === 'tensor') return edit(bytes);
  const children = CHILDREN[kind];
  const parts: Uint8Array[] = [];
  let copied = 0;
  for (const field of readFieldSpans(bytes)) {
    const child = children.get(field.number);
    const replaced = child && field.payload ? rewrite(field.payload, child, edit) : null;
    if (!replaced) continue;
    parts.push(bytes.subarray(copied, field.start), ...lengthDelimited(field.number, replaced));
    copied = field.end;
  }
  if (parts.length === 0) return null;
  parts.push(bytes.subarray(copied));
  return concatBytes(parts);
}

/**
 * Passes every TensorProto of a model (initializers, attribute tensors, sparse tensors, in every
 * graph, subgraph and model-local function) to `edit`, and re-encodes the messages around the
 * ones it replaces; everything else is copied byte for byte. For models inspectOnnxModel passed.
 */
export function rewriteOnnxTensors(model: Uint8Array, edit: TensorEdit): Uint8Array {
  return rewrite(model, 'model', edit) ?? model;
}
