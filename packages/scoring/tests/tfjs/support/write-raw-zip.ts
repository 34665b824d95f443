import { deflateRawSync } from 'node:zlib';

/** One member written byte by byte, with the fields a hostile archive would lie about. */
export type RawZipEntry = {
  name: string;
  /** Bytes as stored: already deflated when method is 8. */
  data?: Uint8Array;
  method?: 0 | 8;
  /** Declared size once inflated; defaults to the stored size. */
  uncompressedSize?: number;
  /** Name in the local header, when it should differ from the central directory's. */
  localName?: string;
  madeBy?: number;
  externalAttributes?: number;
  centralExtra?: Uint8Array;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A deflated member whose declared size is the true one unless overridden. */
export function deflated(name: string, content: Uint8Array, uncompressedSize = content.length): RawZipEntry {
  return { name, data: new Uint8Array(deflateRawSync(content)), method: 8, uncompressedSize };
}

/**
 * Writes a zip by hand (APPNOTE 4.3), because JSZip cannot write duplicate names, lying sizes
 * or headers that disagree, which are exactly what the unpacker must refuse. CRCs are those of
 * the stored bytes: JSZip is asked not to check them, and the unpacker does not rely on them.
 */
export function writeRawZip(entries: RawZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? new Uint8Array();
    const name = encoder.encode(entry.name);
    const localName = encoder.encode(entry.localName ?? entry.name);
    const extra = entry.centralExtra ?? new Uint8Array();
    const size = entry.uncompressedSize ?? data.length;
    const crc = crc32(data);
    const local = new Uint8Array(30 + localName.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method ?? 0, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, localName.length, true);
    local.set(localName, 30);
    local.set(data, 30 + localName.length);
    const central = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, entry.madeBy ?? 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method ?? 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(38, entry.externalAttributes ?? 0, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
