import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeGrayPng } from './encode-gray-png.ts';

describe('encodeGrayPng', () => {
  it('writes signature, IHDR, IDAT with filter bytes, IEND and valid CRCs', () => {
    const png = encodeGrayPng(Uint8Array.from([0, 128, 255, 7, 8, 9]), 3, 2);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let offset = 8; offset < png.length; ) {
      const length = png.readUInt32BE(offset);
      const type = png.subarray(offset + 4, offset + 8).toString('ascii');
      const data = png.subarray(offset + 8, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
      chunks.push({ type, data });
      offset += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = chunks[0]?.data as Buffer;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 0]);
    expect([...inflateSync(chunks[1]?.data as Buffer)]).toEqual([0, 0, 128, 255, 0, 7, 8, 9]);
  });

  it('refuses a pixel count that does not match', () => {
    expect(() => encodeGrayPng(new Uint8Array(5), 3, 2)).toThrow();
  });
});
