// Protobuf wire types (https://protobuf.dev/programming-guides/encoding/).
const WIRE_VARINT = 0;
const WIRE_LEN = 2;

/** Top-level fields of onnx.proto's ModelProto and their wire types. */
const MODEL_PROTO_FIELDS = new Map<number, number>([
  [1, WIRE_VARINT], // ir_version
  [2, WIRE_LEN], // producer_name
  [3, WIRE_LEN], // producer_version
  [4, WIRE_LEN], // domain
  [5, WIRE_VARINT], // model_version
  [6, WIRE_LEN], // doc_string
  [7, WIRE_LEN], // graph
  [8, WIRE_LEN], // opset_import
  [14, WIRE_LEN], // metadata_props
  [20, WIRE_LEN], // training_info
  [25, WIRE_LEN], // functions
  [26, WIRE_LEN], // configuration
]);

function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } | undefined {
  let value = 0;
  for (let i = 0; i < 10 && offset + i < bytes.length; i++) {
    const byte = bytes[offset + i] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 };
  }
  return undefined;
}

/**
 * A cheap plausibility check before storing an upload: does the file open like a protobuf
 * ModelProto? It catches the common mistakes (a .pt pickle, a zip, a text file, an HTML page);
 * the worker's scorer does the real validation by loading the model.
 */
export function looksLikeOnnx(bytes: Uint8Array): boolean {
  const tag = readVarint(bytes, 0);
  if (!tag) return false;
  const field = Math.floor(tag.value / 8);
  const wireType = tag.value % 8;
  if (MODEL_PROTO_FIELDS.get(field) !== wireType) return false;
  const payload = readVarint(bytes, tag.next);
  if (!payload) return false;
  return wireType === WIRE_VARINT || payload.next + payload.value <= bytes.length;
}
