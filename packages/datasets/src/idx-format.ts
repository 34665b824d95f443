import { gunzipSync } from 'node:zlib';

// The IDX format of the original MNIST release: big-endian 32-bit header fields.
export const LABELS_MAGIC = 2049; // 0x00000801: unsigned bytes, 1 dimension
export const IMAGES_MAGIC = 2051; // 0x00000803: unsigned bytes, 3 dimensions
export const LABELS_HEADER_BYTES = 8; // magic, count
export const IMAGES_HEADER_BYTES = 16; // magic, count, rows, columns
export const IMAGE_ROWS = 28;
export const IMAGE_COLUMNS = 28;
export const CLASS_COUNT = 10;
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export class DatasetFileError extends Error {
  override readonly name = 'DatasetFileError';
}

/** Judged by content, not by name: mirrors and users store both forms under either name. */
export function isGzipped(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** Returns the uncompressed bytes whether or not the file was gzipped. */
export function decompressIfGzipped(bytes: Uint8Array, source: string): Uint8Array {
  if (!isGzipped(bytes)) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatasetFileError(`${source} is a damaged gzip file (${detail}); delete it and fetch it again.`);
  }
}

/** Checks the magic number first (a wrong file is the likelier mistake), then the header length. */
function header(bytes: Uint8Array, headerBytes: number, magic: number, kind: string, source: string): DataView {
  if (bytes.byteLength >= 4) checkMagic(new DataView(bytes.buffer, bytes.byteOffset, 4), magic, kind, source);
  if (bytes.byteLength < headerBytes) {
    throw new DatasetFileError(
      `${source} is truncated: ${bytes.byteLength} bytes, shorter than the ${headerBytes}-byte IDX header.`,
    );
  }
  return new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
}

function checkMagic(view: DataView, expected: number, kind: string, source: string): void {
  const magic = view.getUint32(0, false);
  if (magic !== expected) {
    throw new DatasetFileError(
      `${source} is not an IDX ${kind} file: magic number ${magic}, expected ${expected}. Is it the right file, and uncompressed or gzipped?`,
    );
  }
}

function checkLength(bytes: Uint8Array, expected: number, count: number, source: string): void {
  if (bytes.byteLength === expected) return;
  const problem = bytes.byteLength < expected ? 'is truncated' : 'has trailing bytes';
  throw new DatasetFileError(
    `${source} ${problem}: its header declares ${count} items (${expected} bytes) but the file has ${bytes.byteLength} bytes.`,
  );
}

/** Parses an uncompressed IDX label file into one byte per item. */
export function parseIdxLabels(bytes: Uint8Array, source = 'label file'): Uint8Array {
  const view = header(bytes, LABELS_HEADER_BYTES, LABELS_MAGIC, 'label', source);
  const count = view.getUint32(4, false);
  checkLength(bytes, LABELS_HEADER_BYTES + count, count, source);
  const labels = bytes.subarray(LABELS_HEADER_BYTES);
  const bad = labels.findIndex((label) => label >= CLASS_COUNT);
  if (bad >= 0) throw new DatasetFileError(`${source} has label ${labels[bad]} at item ${bad}; labels are 0..9.`);
  return labels;
}

/** Parses an uncompressed IDX image file into count x 28 x 28 bytes, row-major. */
export function parseIdxImages(bytes: Uint8Array, source = 'image file'): { count: number; pixels: Uint8Array } {
  const view = header(bytes, IMAGES_HEADER_BYTES, IMAGES_MAGIC, 'image', source);
  const count = view.getUint32(4, false);
  const rows = view.getUint32(8, false);
  const columns = view.getUint32(12, false);
  if (rows !== IMAGE_ROWS || columns !== IMAGE_COLUMNS) {
    throw new DatasetFileError(
      `${source} holds ${rows}x${columns} images; Tenfold's datasets are ${IMAGE_ROWS}x${IMAGE_COLUMNS}.`,
    );
  }
  checkLength(bytes, IMAGES_HEADER_BYTES + count * rows * columns, count, source);
  return { count, pixels: bytes.subarray(IMAGES_HEADER_BYTES) };
}
