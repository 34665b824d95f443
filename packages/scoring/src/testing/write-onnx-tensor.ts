import type { ProtobufWriter } from './protobuf-writer.ts';

// TensorProto field numbers and enum values from onnx/onnx.proto. Kept apart from the reader's
// constants in src/onnx on purpose: a wrong field number shared by both would go unnoticed.
export const ONNX_ELEM_FLOAT = 1;
export const ONNX_ELEM_INT32 = 6;
export const ONNX_ELEM_INT64 = 7;
const DATA_LOCATION_EXTERNAL = 1;

/**
 * A tensor as a test wants to write it, well-formed or not: dims and data are written exactly as
 * given, with no check that they agree, so tests can build the lies a hostile upload tells.
 */
export type OnnxTensor = {
  name: string;
  dims: Array<number | bigint>;
  /** Element type; FLOAT unless given. */
  dataType?: number;
  /** float32 values, written as raw_data. */
  data?: Float32Array;
  /** Bytes written as raw_data as they are. */
  rawData?: Uint8Array;
  /** Written as the packed int64_data field (one varint per value). */
  int64Data?: Array<number | bigint>;
  /** Pre-encoded payload of the packed int64_data field (for very long tensors). */
  packedInt64Data?: Uint8Array;
  /** ONNX external data entries (location, offset, length, ...); a list may repeat a key. */
  externalData?: Record<string, string> | Array<[string, string]>;
  /** Sets data_location; EXTERNAL (1) by default when externalData is given. */
  dataLocation?: number;
};

export type OnnxSparseTensor = { dims: Array<number | bigint>; values: OnnxTensor; indices: OnnxTensor };

export function writeOnnxTensor(w: ProtobufWriter, tensor: OnnxTensor): void {
  for (const dim of tensor.dims) w.int(1, dim);
  w.int(2, tensor.dataType ?? ONNX_ELEM_FLOAT).string(8, tensor.name);
  if (tensor.data) w.bytes(9, new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
  if (tensor.rawData) w.bytes(9, tensor.rawData);
  if (tensor.int64Data) {
    const values = tensor.int64Data;
    w.message(7, (packed) => {
      for (const value of values) packed.varint(value);
    });
  }
  if (tensor.packedInt64Data) w.bytes(7, tensor.packedInt64Data);
  const entries = Array.isArray(tensor.externalData) ? tensor.externalData : Object.entries(tensor.externalData ?? {});
  for (const [key, value] of entries) {
    w.message(13, (entry) => entry.string(1, key).string(2, value));
  }
  const location = tensor.dataLocation ?? (tensor.externalData ? DATA_LOCATION_EXTERNAL : undefined);
  if (location !== undefined) w.int(14, location);
}

export function writeOnnxSparseTensor(w: ProtobufWriter, sparse: OnnxSparseTensor): void {
  w.message(1, (t) => writeOnnxTensor(t, sparse.values)).message(2, (t) => writeOnnxTensor(t, sparse.indices));
  for (const dim of sparse.dims) w.int(3, dim);
}
