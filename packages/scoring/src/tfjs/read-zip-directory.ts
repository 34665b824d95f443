import { ModelError } from '../errors.ts';
import { MAX_TFJS_FILES, MAX_TFJS_PATH_LENGTH } from './tfjs-limits.ts';

// Record layouts from PKWARE's APPNOTE.TXT (sections 4.3.7, 4.3.12 and 4.3.16).
const END_SIGNATURE = 0x06054b50;
const END_SIZE = 22;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const ZIP64_MARKER_16 = 0xffff;
const ZIP64_MARKER_32 = 0xffffffff;
const HOST_UNIX = 3;
const DOS_DIRECTORY = 0x10;
const UNIX_TYPE_MASK = 0o170000;
const UNIX_REGULAR = 0o100000;
const UNIX_DIRECTORY = 0o040000;
const UNIX_SYMLINK = 0o120000;

export type ZipDirectoryEntry = {
  /** The name exactly as stored (UTF-8), before any tool could "fix" it. */
  name: string;
  isDirectory: boolean;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function refuse(problem: string): never {
  throw new ModelError(`The upload is not a zip archive Tenfold can read: ${problem}`);
}

function decodeName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return refuse('a member name is not valid UTF-8.');
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Finds the end-of-central-directory record the way JSZip does (the last signature in the
 * file), then insists that it ends the file exactly, so both readers see the same directory.
 */
function findEnd(view: DataView): number {
  for (let at = view.byteLength - END_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== END_SIGNATURE) continue;
    if (at + END_SIZE + view.getUint16(at + 20, true) !== view.byteLength) {
      refuse('data follows the end of the central directory.');
    }
    return at;
  }
  return refuse('no zip end-of-central-directory record was found.');
}

/**
 * Reads a zip's central directory without inflating anything, so names, counts, types and
 * declared sizes can be checked before JSZip or TF.js touch the archive. Refuses what a plain
 * "zip -r" or a browser-made zip never contains: ZIP64, split archives, encryption, data before
 * the first entry, central and local names that differ (JSZip reads the local one), entries
 * whose bytes overlap, and files that are neither regular files nor folders (symlinks).
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const entriesHere = view.getUint16(end + 8, true);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === ZIP64_MARKER_16 || directorySize === ZIP64_MARKER_32 || directoryOffset === ZIP64_MARKER_32) {
    refuse('ZIP64 archives are not supported (and not needed below 4 GB).');
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) refuse('split archives are not supported.');
  if (entryCount > MAX_TFJS_FILES) {
    throw new ModelError(
      `The archive holds ${entryCount} entries; at most ${MAX_TFJS_FILES} are accepted. Upload model.json and its weight files only.`,
    );
  }
  if (directoryOffset + directorySize !== end) refuse('the central directory is not where the archive says it is.');

  const entries: ZipDirectoryEntry[] = [];
  const spans: Array<[number, number]> = [];
  let at = directoryOffset;
  while (at < end) {
    if (entries.length === entryCount) refuse('the central directory holds more entries than it declares.');
    if (at + CENTRAL_SIZE > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      refuse('a central directory entry is damaged.');
    const madeBy = view.getUint16(at + 4, true);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const attributes = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    at += CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (at > end) refuse('a central directory entry runs past the directory.');
    if (nameLength > MAX_TFJS_PATH_LENGTH) refuse(`a member name is longer than ${MAX_TFJS_PATH_LENGTH} bytes.`);
    const name = decodeName(nameBytes);
    const shown = JSON.stringify(name);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) refuse(`${shown} is encrypted.`);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATED) {
      refuse(`${shown} uses compression method ${method}; only stored and deflated members are supported.`);
    }
    if (compressedSize === ZIP64_MARKER_32 || uncompressedSize === ZIP64_MARKER_32) {
      refuse('ZIP64 archives are not supported (and not needed below 4 GB).');
    }

    const isDirectory = name.endsWith('/');
    const unixType = madeBy >> 8 === HOST_UNIX ? (attributes >>> 16) & UNIX_TYPE_MASK : 0;
    if (unixType === UNIX_SYMLINK)
      throw new ModelError(`The archive member ${shown} is a symbolic link; upload the files themselves.`);
    const isRegular = unixType === 0 || unixType === (isDirectory ? UNIX_DIRECTORY : UNIX_REGULAR);
    // JSZip treats the DOS folder bit as "folder" whatever the name says: keep both views equal.
    if (!isRegular || (!isDirectory && attributes & DOS_DIRECTORY)) {
      throw new ModelError(`The archive member ${shown} is neither a regular file nor a folder.`);
    }
    if (isDirectory && (compressedSize !== 0 || uncompressedSize !== 0)) refuse(`the folder ${shown} has contents.`);

    if (localOffset + LOCAL_SIZE > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      refuse(`the local header of ${shown} is missing.`);
    }
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + LOCAL_SIZE, localOffset + LOCAL_SIZE + localNameLength);
    if (!sameBytes(localName, nameBytes)) refuse(`the member ${shown} has a different name in its local header.`);
    const dataEnd = localOffset + LOCAL_SIZE + localNameLength + localExtraLength + compressedSize;
    if (dataEnd > directoryOffset) refuse(`the data of ${shown} runs into the central directory.`);
    spans.push([localOffset, dataEnd]);
    entries.push({ name, isDirectory, method, compressedSize, uncompressedSize });
  }
  if (entries.length !== entryCount) refuse('the central directory does not hold the number of entries it declares.');
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i]?.[0] ?? 0) < (spans[i - 1]?.[1] ?? 0)) refuse('two members share the same bytes.');
  }
  return entries;
}
