/**
 * A protobuf reader for untrusted bytes: every length is checked against the bytes that are
 * really there before anything is read, nothing is copied (fields are views into the input),
 * and nothing recurses, so a hostile file can only make it throw ProtobufFormatError.
 * Just enough of the wire format (https://protobuf.dev/programming-guides/encoding/) to inspect
 * ONNX files; what a field means is the caller's business.
 */

export class ProtobufFormatError extends Error {
  override readonly name = 'ProtobufFormatError';
}

export type ProtobufField =
  /** `value` is the varint read as a two's-complement int64; exact within +-2^53. */
  | { number: number; wireType: 0; value: number }
  /** Length-delimited (2) or fixed-size (1: 8 bytes, 5: 4 bytes): a view into the input. */
  | { number: number; wireType: 1 | 2 | 5; bytes: Uint8Array };

// A varint is at most 10 bytes (64 bits in 7-bit groups); the first 7 fit a double exactly.
const MAX_VARINT_BYTES = 10;
const EXACT_VARINT_BYTES = 7;
const MAX_FIELD_NUMBER = 2 ** 29 - 1;

export type ProtobufCursor = { bytes: Uint8Array; offset: number };

/** Reads one varint at the cursor and moves it past the varint. */
export function readVarint(cursor: ProtobufCursor): number {
  const { bytes } = cursor;
  let value = 0;
  for (let i = 0; i < EXACT_VARINT_BYTES; i++) {
    const byte = bytes[cursor.offset];
    if (byte === undefined) throw new ProtobufFormatError('it ends in the middle of a number');
    cursor.offset++;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return value;
  }
  // Rare long form (negative int64s and values >= 2^49): finish in BigInt for the sign.
  let big = BigInt(value);
  for (let i = EXACT_VARINT_BYTES; i < MAX_VARINT_BYTES; i++) {
    const byte = bytes[cursor.offset];
    if (byte === undefined) throw new ProtobufFormatError('it ends in the middle of a number');
    cursor.offset++;
    big |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if (byte < 0x80) return Number(BigInt.asIntN(64, big));
  }
  throw new ProtobufFormatError('a number is longer than the 10 bytes protobuf allows');
}

function take(cursor: ProtobufCursor, length: number, what: string): Uint8Array {
  const start = cursor.offset;
  if (length < 0 || start + length > cursor.bytes.length) {
    throw new ProtobufFormatError(
      `${what} claims ${length} bytes but only ${cursor.bytes.length - start} remain; is the file truncated?`,
    );
  }
  cursor.offset = start + length;
  return cursor.bytes.subarray(start, start + length);
}

/** Yields the fields of one message in file order; throws ProtobufFormatError on malformed bytes. */
export function* readProtobufFields(bytes: Uint8Array): Generator<ProtobufField> {
  const cursor: ProtobufCursor = { bytes, offset: 0 };
  while (cursor.offset < bytes.length) {
    const tag = readVarint(cursor);
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (number < 1 || number > MAX_FIELD_NUMBER) {
      throw new ProtobufFormatError(`a field has the invalid number ${number}`);
    }
    if (wireType === 0) yield { number, wireType, value: readVarint(cursor) };
    else if (wireType === 1) yield { number, wireType, bytes: take(cursor, 8, 'a fixed 64-bit field') };
    else if (wireType === 5) yield { number, wireType, bytes: take(cursor, 4, 'a fixed 32-bit field') };
    else if (wireType === 2) {
      const length = readVarint(cursor);
      yield { number, wireType, bytes: take(cursor, length, 'a field') };
    } else {
      // 3 and 4 are proto2 groups, which ONNX never uses; 6 and 7 do not exist.
      throw new ProtobufFormatError(`a field has the unsupported wire type ${wireType}`);
    }
  }
}

/** How many varints a packed repeated field holds: each one ends with a byte below 0x80. */
export function countPackedVarints(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) < 0x80) count++;
  if (bytes.length > 0 && (bytes[bytes.length - 1] as number) >= 0x80) {
    throw new ProtobufFormatError('a packed list of numbers ends in the middle of a number');
  }
  return count;
}
