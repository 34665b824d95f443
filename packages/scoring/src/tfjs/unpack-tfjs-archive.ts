import JSZip from 'jszip';
import { ModelError } from '../errors.ts';
import { findPathProblem } from './find-path-problem.ts';
import { readZipDirectory, type ZipDirectoryEntry } from './read-zip-directory.ts';
import {
  MAX_TFJS_ARCHIVE_BYTES,
  MAX_TFJS_EXPANDED_BYTES,
  MAX_TFJS_FILE_BYTES,
  MAX_TFJS_MODEL_JSON_BYTES,
} from './tfjs-limits.ts';

export type TfjsArchive = {
  /** model.json's folder inside the archive: '' or 'name/'. */
  folder: string;
  modelJson: Uint8Array;
  /** Every other file in model.json's folder and below, by path relative to that folder. */
  files: ReadonlyMap<string, Uint8Array>;
};

const MODEL_JSON = 'model.json';
const MIB = 1024 * 1024;

// JSZip documents ZipObject#internalStream, which can be paused mid-member, but its typings omit it.
type StreamingZipObject = { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> };

function mib(bytes: number): string {
  return `${Math.round(bytes / MIB)} MB`;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  return first === 0x7b; // "{"
}

export function checkNames(entries: ZipDirectoryEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const problem = findPathProblem(entry.isDirectory ? entry.name.slice(0, -1) : entry.name);
    if (problem) {
      throw new ModelError(
        `The archive member ${JSON.stringify(entry.name)} ${problem}. Zip the model's folder with relative names only.`,
      );
    }
    if (seen.has(entry.name)) throw new ModelError(`The archive holds ${JSON.stringify(entry.name)} twice.`);
    seen.add(entry.name);
  }
}

function checkDeclaredSizes(files: ZipDirectoryEntry[]): void {
  let total = 0;
  for (const file of files) {
    const limit = file.name.split('/').at(-1) === MODEL_JSON ? MAX_TFJS_MODEL_JSON_BYTES : MAX_TFJS_FILE_BYTES;
    if (file.uncompressedSize > limit) {
      throw new ModelError(`${JSON.stringify(file.name)} expands to more than ${mib(limit)}, the limit for one file.`);
    }
    total += file.uncompressedSize;
  }
  if (total > MAX_TFJS_EXPANDED_BYTES) {
    throw new ModelError(`The archive expands to ${mib(total)}; the limit is ${mib(MAX_TFJS_EXPANDED_BYTES)}.`);
  }
}

/** The one model.json, at the top of the archive or in one top-level folder (a zipped folder). */
function findModelJson(files: ZipDirectoryEntry[]): ZipDirectoryEntry {
  const candidates = files.filter((file) => file.name.split('/').at(-1) === MODEL_JSON);
  const [found] = candidates;
  if (!found) {
    throw new ModelError(
      'The archive holds no model.json. Zip what model.save() or tensorflowjs_converter wrote: model.json and its .bin weight files.',
    );
  }
  if (candidates.length > 1) {
    const names = candidates.map((file) => JSON.stringify(file.name)).join(', ');
    throw new ModelError(`The archive holds ${candidates.length} model.json files (${names}); upload one model.`);
  }
  if (found.name.split('/').length > 2) {
    throw new ModelError(
      `model.json must be at the top of the archive or in one top-level folder; it is at ${JSON.stringify(found.name)}.`,
    );
  }
  return found;
}

export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    // No CRC pass: it would inflate every member before the size checks below could stop a bomb.
    return await JSZip.loadAsync(bytes, { checkCRC32: false, createFolders: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError(`The upload is not a zip archive Tenfold can read: ${detail.slice(0, 300)}`);
  }
}

/**
 * JSZip renames members ("../x" becomes "x") and keeps the last of two equal names, silently.
 * Every name checked above must therefore be exactly one JSZip file with that original name.
 */
export function checkJsZipAgrees(zip: JSZip, files: ZipDirectoryEntry[]): void {
  const jsZipFiles = Object.values(zip.files).filter((file) => !file.dir);
  const agrees =
    jsZipFiles.length === files.length &&
    files.every((file) => zip.files[file.name]?.unsafeOriginalName === file.name && !zip.files[file.name]?.dir);
  if (!agrees) {
    throw new ModelError('The zip archive is ambiguous (its members read differently in different zip readers).');
  }
}

/** Inflates one member, stopping as soon as it yields more than its declared size. */
export function inflateMember(zip: JSZip, entry: ZipDirectoryEntry): Promise<Uint8Array> {
  const name = JSON.stringify(entry.name);
  return new Promise((resolve, reject) => {
    const out = new Uint8Array(entry.uncompressedSize);
    let filled = 0;
    let isSettled = false;
    const stream = (zip.files[entry.name] as unknown as StreamingZipObject).internalStream('uint8array');
    const shortMessage = () => `${name} inflates to ${filled} bytes, not the ${out.length} it declares.`;
    const fail = (message: string) => {
      isSettled = true;
      stream.pause();
      reject(new ModelError(message));
    };
    stream
      .on('data', (chunk) => {
        if (isSettled) return;
        if (filled + chunk.length > out.length) {
          return fail(`${name} inflates to more than the ${out.length} bytes its zip entry declares.`);
        }
        out.set(chunk, filled);
        filled += chunk.length;
      })
      .on('error', (error) => {
        if (isSettled) return;
        // JSZip checks the length itself at the end of a member, in words meant for its developers.
        if (/size mismatch/.test(error.message)) return fail(shortMessage());
        fail(`${name} could not be inflated: ${error.message.slice(0, 200)}`);
      })
      .on('end', () => {
        if (isSettled) return;
        if (filled !== out.length) return fail(shortMessage());
        isSettled = true;
        resolve(out);
      })
      .resume();
  });
}

/**
 * Unpacks an uploaded TF.js model (a zip of model.json and its weight shards) in memory. Names,
 * entry count, file types and declared sizes are checked from the zip's own directory before
 * anything is inflated; inflation then stops at the first chunk beyond a member's declared size,
 * so neither a lying header nor a zip bomb can expand past the limits in tfjs-limits.ts.
 * Only model.json's folder is inflated: nothing outside it can be referenced by relative paths.
 */
export async function unpackTfjsArchive(bytes: Uint8Array): Promise<TfjsArchive> {
  if (bytes.byteLength > MAX_TFJS_ARCHIVE_BYTES) {
    throw new ModelError(`The archive is ${mib(bytes.byteLength)}; the limit is ${mib(MAX_TFJS_ARCHIVE_BYTES)}.`);
  }
  if (looksLikeJson(bytes)) {
    throw new ModelError(
      'The upload is a JSON file, not a zip: a TF.js model is model.json plus its .bin weight files. Upload them together, or zipped.',
    );
  }
  const entries = readZipDirectory(bytes);
  checkNames(entries);
  const files = entries.filter((entry) => !entry.isDirectory);
  checkDeclaredSizes(files);
  const modelJsonEntry = findModelJson(files);
  const folder = modelJsonEntry.name.slice(0, -MODEL_JSON.length);

  const zip = await loadZip(bytes);
  checkJsZipAgrees(zip, files);
  const modelJson = await inflateMember(zip, modelJsonEntry);
  const inFolder = new Map<string, Uint8Array>();
  for (const entry of files) {
    if (entry === modelJsonEntry || !entry.name.startsWith(folder)) continue;
    inFolder.set(entry.name.slice(folder.length), await inflateMember(zip, entry));
  }
  return { folder, modelJson, files: inFolder };
}
