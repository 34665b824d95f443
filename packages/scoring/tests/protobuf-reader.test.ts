import { countPackedVarints, ProtobufFormatError, readProtobufFields, readVarint } from '@tenfold/artifacts/onnx';
import { describe, expect, it } from 'vitest';
import { ProtobufWriter } from '../src/testing/protobuf-writer.ts';

const varint = (value: number | bigint) =>
  readVarint({ bytes: new ProtobufWriter().varint(value).finish(), offset: 0 });

describe('protobuf reader', () => {
  it('reads varints as int64, the long negative form included', () => {
    expect(varint(0)).toBe(0);
    expect(varint(300)).toBe(300);
    expect(varint(2 ** 49 + 1)).toBe(2 ** 49 + 1);
    expect(varint(-1)).toBe(-1);
    expect(varint(-(2 ** 40))).toBe(-(2 ** 40));
  });

  it('yields fields as views into the input, without copying', () => {
    const bytes = new ProtobufWriter().int(1, 8).string(2, 'abc').float(3, 1.5).finish();
    const fields = [...readProtobufFields(bytes)];
    expect(fields.map((f) => [f.number, f.wireType])).toEqual([
      [1, 0],
      [2, 2],
      [3, 5],
    ]);
    const text = fields[1];
    expect(text?.wireType === 2 && text.bytes.buffer === bytes.buffer).toBe(true);
  });

  it.each([
    ['a length past the end', Uint8Array.of(0x12, 0x05, 0x61), /claims 5 bytes but only 1 remain/],
    ['a varint cut short', Uint8Array.of(0x08, 0x80), /middle of a number/],
    ['an 11-byte varint', Uint8Array.of(0x08, ...new Array(10).fill(0xff), 0x01), /longer than the 10 bytes/],
    ['field number 0', Uint8Array.of(0x00, 0x00), /invalid number 0/],
    ['a group', Uint8Array.of(0x0b), /wire type 3/],
    ['wire type 7', Uint8Array.of(0x0f), /wire type 7/],
  ])('refuses %s', (_what, bytes, message) => {
    expect(() => [...readProtobufFields(bytes)]).toThrow(ProtobufFormatError);
    expect(() => [...readProtobufFields(bytes)]).toThrow(message);
  });

  it('counts packed varints and refuses a list that ends inside one', () => {
    expect(countPackedVarints(Uint8Array.of(0x01, 0xac, 0x02, 0x00))).toBe(3);
    expect(() => countPackedVarints(Uint8Array.of(0x01, 0xac))).toThrow(ProtobufFormatError);
  });
});
