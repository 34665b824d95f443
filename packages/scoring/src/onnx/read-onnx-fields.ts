import {
  countPackedVarints,
  type ProtobufField,
  ProtobufFormatError,
  readProtobufFields,
  readVarint,
} from '@tenfold/artifacts/onnx';
import { ModelError } from '../errors.ts';

const decoder = new TextDecoder();
/** Names from the file end up in messages: keep them short enough to read. */
const MAX_NAME_IN_MESSAGE = 80;

/** The refusal for bytes that do not form the ONNX message expected at `where`. */
export function malformedOnnx(where: string, detail: string): ModelError {
  return new ModelError(`Tenfold could not load the model: the file is not a valid ONNX model (${where}: ${detail}).`);
}

/** The fields of the message at `where`, with format errors reported as model errors. */
export function* readOnnxFields(bytes: Uint8Array, where: string): Generator<ProtobufField> {
  try {
    yield* readProtobufFields(bytes);
  } catch (error) {
    if (error instanceof ProtobufFormatError) throw malformedOnnx(where, error.message);
    throw error;
  }
}

/**
 * The payload of a length-delimited field. A known field with another wire type would be
 * skipped as unknown by protobuf parsers; refusing it keeps this view of the file and ONNX
 * Runtime's the same.
 */
export function bytesOf(field: ProtobufField, where: string): Uint8Array {
  if (field.wireType !== 2) throw malformedOnnx(where, `field ${field.number} should hold bytes`);
  return field.bytes;
}

export function varintOf(field: ProtobufField, where: string): number {
  if (field.wireType !== 0) throw malformedOnnx(where, `field ${field.number} should hold an integer`);
  return field.value;
}

export function stringOf(field: ProtobufField, where: string): string {
  return decoder.decode(bytesOf(field, where));
}

/** A name from the file, quoted and shortened for a message. */
export function quoteName(name: string): string {
  const short = name.length > MAX_NAME_IN_MESSAGE ? `${name.slice(0, MAX_NAME_IN_MESSAGE)}...` : name;
  return JSON.stringify(short);
}

/**
 * Appends a repeated int64 field's values (packed or one per field, as protobuf accepts both)
 * and returns how many the list now holds; stops decoding past `limit` values, which the
 * caller refuses anyway, so a packed list of millions costs nothing.
 */
export function pushInt64s(field: ProtobufField, where: string, into: number[], limit: number): number {
  if (field.wireType === 0) {
    if (into.length <= limit) into.push(field.value);
    return into.length;
  }
  const packed = bytesOf(field, where);
  const count = countPacked(packed, where);
  if (into.length + count > limit) {
    while (into.length <= limit) into.push(0);
    return into.length;
  }
  const cursor = { bytes: packed, offset: 0 };
  while (cursor.offset < packed.length) into.push(readVarint(cursor));
  return into.length;
}

/** How many values a packed varint field holds. */
export function countPacked(packed: Uint8Array, where: string): number {
  try {
    return countPackedVarints(packed);
  } catch (error) {
    if (error instanceof ProtobufFormatError) throw malformedOnnx(where, error.message);
    throw error;
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
