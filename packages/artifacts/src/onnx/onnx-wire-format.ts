// Field numbers and enum values of the ONNX messages the inspection reads, from onnx/onnx.proto
// (IR version 13). Fields not listed are skipped, as any protobuf parser skips unknown fields.

export const MODEL = {
  irVersion: 1,
  graph: 7,
  opsetImport: 8,
  metadataProps: 14,
  trainingInfo: 20,
  functions: 25,
} as const;

export const OPSET_ID = { domain: 1, version: 2 } as const;
export const STRING_ENTRY = { key: 1, value: 2 } as const;

export const GRAPH = {
  node: 1,
  initializer: 5,
  input: 11,
  output: 12,
  valueInfo: 13,
  sparseInitializer: 15,
} as const;

export const NODE = { input: 1, output: 2, name: 3, opType: 4, attribute: 5, domain: 7 } as const;

export const FUNCTION = { name: 1, node: 7, opsetImport: 9, domain: 10, attributeProto: 11 } as const;

export const ATTRIBUTE = {
  name: 1,
  floats: 7,
  ints: 8,
  strings: 9,
  t: 5,
  g: 6,
  tensors: 10,
  graphs: 11,
  sparseTensor: 22,
  sparseTensors: 23,
} as const;

export const TENSOR = {
  dims: 1,
  dataType: 2,
  segment: 3,
  floatData: 4,
  int32Data: 5,
  stringData: 6,
  int64Data: 7,
  name: 8,
  rawData: 9,
  doubleData: 10,
  uint64Data: 11,
  externalData: 13,
  dataLocation: 14,
} as const;

export const SPARSE_TENSOR = { values: 1, indices: 2, dims: 3 } as const;

export const DATA_LOCATION_DEFAULT = 0;

export type TypedDataField = (typeof TENSOR)[
  | 'floatData'
  | 'int32Data'
  | 'stringData'
  | 'int64Data'
  | 'doubleData'
  | 'uint64Data'];

/**
 * Per TensorProto.DataType: its name, bits per element in raw_data (0: variable-length string)
 * and the typed field that holds its values when raw_data is not used, with how many values of
 * that field make one element (complex numbers take two).
 */
export type ElementType = { name: string; bits: number; field: TypedDataField; valuesPerElement: number };

const t = (name: string, bits: number, field: TypedDataField, valuesPerElement = 1): ElementType => ({
  name,
  bits,
  field,
  valuesPerElement,
});

export const ELEMENT_TYPES: ReadonlyMap<number, ElementType> = new Map([
  [1, t('float32', 32, TENSOR.floatData)],
  [2, t('uint8', 8, TENSOR.int32Data)],
  [3, t('int8', 8, TENSOR.int32Data)],
  [4, t('uint16', 16, TENSOR.int32Data)],
  [5, t('int16', 16, TENSOR.int32Data)],
  [6, t('int32', 32, TENSOR.int32Data)],
  [7, t('int64', 64, TENSOR.int64Data)],
  [8, t('string', 0, TENSOR.stringData)],
  [9, t('bool', 8, TENSOR.int32Data)],
  [10, t('float16', 16, TENSOR.int32Data)],
  [11, t('float64', 64, TENSOR.doubleData)],
  [12, t('uint32', 32, TENSOR.uint64Data)],
  [13, t('uint64', 64, TENSOR.uint64Data)],
  [14, t('complex64', 64, TENSOR.floatData, 2)],
  [15, t('complex128', 128, TENSOR.doubleData, 2)],
  [16, t('bfloat16', 16, TENSOR.int32Data)],
  [17, t('float8e4m3fn', 8, TENSOR.int32Data)],
  [18, t('float8e4m3fnuz', 8, TENSOR.int32Data)],
  [19, t('float8e5m2', 8, TENSOR.int32Data)],
  [20, t('float8e5m2fnuz', 8, TENSOR.int32Data)],
  // Sub-byte types store one packed byte per int32_data value (onnx.helper.make_tensor).
  [21, t('uint4', 4, TENSOR.int32Data)],
  [22, t('int4', 4, TENSOR.int32Data)],
  [23, t('float4e2m1', 4, TENSOR.int32Data)],
  [24, t('float8e8m0', 8, TENSOR.int32Data)],
  [25, t('uint2', 2, TENSOR.int32Data)],
  [26, t('int2', 2, TENSOR.int32Data)],
]);
