import type { ProtobufField } from '@tenfold/artifacts/onnx';
import { DATA_LOCATION_DEFAULT, ELEMENT_TYPES, TENSOR } from '@tenfold/artifacts/onnx';
import { ModelError } from '../errors.ts';
import { checkExternalTensor } from './check-external-tensor.ts';
import { countTensorElements } from './count-tensor-elements.ts';
import type { InspectionBudget } from './inspection-budget.ts';
import { MAX_TENSOR_RANK } from './onnx-limits.ts';
import {
  bytesOf,
  capitalize,
  countPacked,
  malformedOnnx,
  pushInt64s,
  quoteName,
  readOnnxFields,
  stringOf,
  varintOf,
} from './read-onnx-fields.ts';

/** A string element costs ONNX Runtime a std::string (32 bytes in libstdc++) even when empty. */
const STRING_OBJECT_BYTES = 32;

export type StoredTensor = { elements: number; bytes: number; elementBits: number };

/** What a TensorProto declares and holds, gathered before any of it is judged. */
type TensorFields = {
  name?: string;
  dims: number[];
  dataType: number;
  rawBytes?: number;
  /** Value counts of the typed data fields present, by field number. */
  typedCounts: Map<number, number>;
  stringBytes: number;
  externalEntries: Uint8Array[];
  dataLocation: number;
};

function countTypedValues(field: ProtobufField, where: string): number {
  // Packed repeated scalars are one length-delimited field; unpacked ones one field per value.
  if (field.number === TENSOR.stringData || field.wireType !== 2) return 1;
  if (field.number === TENSOR.floatData || field.number === TENSOR.doubleData) {
    const width = field.number === TENSOR.floatData ? 4 : 8;
    if (field.bytes.length % width !== 0) throw malformedOnnx(where, 'a packed list of numbers has a partial value');
    return field.bytes.length / width;
  }
  return countPacked(field.bytes, where);
}

function readTensorFields(bytes: Uint8Array, where: string): TensorFields {
  const fields: TensorFields = {
    dims: [],
    dataType: 0,
    typedCounts: new Map(),
    stringBytes: 0,
    externalEntries: [],
    dataLocation: DATA_LOCATION_DEFAULT,
  };
  for (const field of readOnnxFields(bytes, where)) {
    switch (field.number) {
      case TENSOR.dims:
        pushInt64s(field, where, fields.dims, MAX_TENSOR_RANK);
        break;
      case TENSOR.dataType:
        fields.dataType = varintOf(field, where);
        break;
      case TENSOR.name:
        fields.name = stringOf(field, where);
        break;
      case TENSOR.rawData:
        // A repeated singular field: the last one wins, as in every protobuf parser.
        fields.rawBytes = bytesOf(field, where).length;
        break;
      case TENSOR.externalData:
        fields.externalEntries.push(bytesOf(field, where));
        break;
      case TENSOR.dataLocation:
        fields.dataLocation = varintOf(field, where);
        break;
      case TENSOR.floatData:
      case TENSOR.int32Data:
      case TENSOR.stringData:
      case TENSOR.int64Data:
      case TENSOR.doubleData:
      case TENSOR.uint64Data: {
        const count = countTypedValues(field, where);
        fields.typedCounts.set(field.number, (fields.typedCounts.get(field.number) ?? 0) + count);
        if (field.number === TENSOR.stringData) fields.stringBytes += bytesOf(field, where).length;
        break;
      }
    }
  }
  return fields;
}

function externalFacts(fields: TensorFields, label: string, packedBytes: number, elementBits: number) {
  const hasInlineValues = fields.typedCounts.size > 0 || fields.rawBytes !== undefined;
  return {
    label,
    entries: fields.externalEntries,
    dataLocation: fields.dataLocation,
    hasInlineValues,
    packedBytes,
    elementBits,
  };
}

/**
 * Checks one stored tensor (an initializer, a Constant's value, any tensor attribute): its
 * values must be inside the file, its shape within the limits, and the data it holds exactly
 * what its shape declares. Counts its decoded size against the budget.
 * `kind` and `context` name it in messages: `initializer "W" in the "body" graph of ...`.
 */
export function inspectOnnxTensor(
  bytes: Uint8Array,
  kind: string,
  context: string,
  budget: InspectionBudget,
): StoredTensor {
  budget.addEntry();
  const fields = readTensorFields(bytes, `${kind}${context}`);
  const where = `${kind}${fields.name ? ` ${quoteName(fields.name)}` : ''}${context}`;
  const label = capitalize(where);
  const isExternal = fields.externalEntries.length > 0 || fields.dataLocation !== DATA_LOCATION_DEFAULT;
  const type = ELEMENT_TYPES.get(fields.dataType);
  // Checked before the element type so that a hostile location is named whatever else is wrong.
  if (isExternal && !type) checkExternalTensor(externalFacts(fields, label, 0, 0), budget);
  if (!type) throw new ModelError(`${label} has the unknown element type ${fields.dataType}.`);
  const elements = countTensorElements(fields.dims, where);
  const shape = `[${fields.dims.join(', ')}]`;
  const sources = fields.typedCounts.size + (fields.rawBytes === undefined ? 0 : 1);
  const packedBytes = Math.ceil((elements * type.bits) / 8);
  if (isExternal) {
    checkExternalTensor(externalFacts(fields, label, packedBytes, type.bits), budget);
    budget.addStoredBytes(packedBytes, where);
    return { elements, bytes: packedBytes, elementBits: type.bits };
  }
  if (sources > 1) throw new ModelError(`${label} stores its values in more than one field; it must use one.`);
  if (fields.rawBytes !== undefined) {
    if (type.bits === 0 || fields.rawBytes !== packedBytes) {
      throw new ModelError(
        `${label} declares the shape ${shape} of ${type.name} (${packedBytes} bytes) but holds ${fields.rawBytes} bytes of raw data.`,
      );
    }
  }
  for (const [field, count] of fields.typedCounts) {
    const expected = type.bits > 0 && type.bits < 8 ? packedBytes : elements * type.valuesPerElement;
    if (field !== type.field || count !== expected) {
      throw new ModelError(
        `${label} declares the shape ${shape} of ${type.name} (${expected} values) but holds ${count} values${field === type.field ? '' : ` in the field meant for another element type`}.`,
      );
    }
  }
  if (sources === 0 && elements > 0) {
    throw new ModelError(`${label} declares the shape ${shape} of ${type.name} but holds no values.`);
  }
  const decoded = type.bits === 0 ? fields.stringBytes + elements * STRING_OBJECT_BYTES : packedBytes;
  budget.addStoredBytes(decoded, where);
  return { elements, bytes: decoded, elementBits: type.bits };
}
