import { ModelError } from '../errors.ts';
import { readZipDirectory, type ZipDirectoryEntry } from '../tfjs/read-zip-directory.ts';
import { checkJsZipAgrees, checkNames, inflateMember, loadZip } from '../tfjs/unpack-tfjs-archive.ts';
import { guessForeignFormat } from './guess-foreign-format.ts';
import { MAX_MODEL_BYTES } from './onnx-limits.ts';

/** An ONNX model with the external-data files uploaded beside it, by file name. */
export type OnnxUpload = { modelName: string; model: Uint8Array; files: ReadonlyMap<string, Uint8Array> };

const MB = 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZipArchive(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

function notOnnx(bytes: Uint8Array, detail: string): ModelError {
  return new ModelError(
    `Tenfold could not load the model: the file is not an ONNX model (${detail}). ${guessForeignFormat(bytes)}`,
  );
}

/** Reads the directory; a zip that is unreadable is most likely a PyTorch checkpoint, and says so. */
function readDirectory(bytes: Uint8Array): ZipDirectoryEntry[] {
  try {
    const entries = readZipDirectory(bytes);
    checkNames(entries);
    return entries.filter((entry) => !entry.isDirectory);
  } catch (error) {
    if (error instanceof ModelError) throw notOnnx(bytes, `a ZIP archive Tenfold cannot read: ${error.message}`);
    throw error;
  }
}

/**
 * Unpacks the archive Tenfold stores for an ONNX model with external data (see
 * @tenfold/artifacts packOnnxFiles; a user's own .zip of the export folder works the same): one
 * .onnx file, at the top or in one top-level folder, and its data files beside it. Sizes are
 * checked from the zip's directory before anything is inflated, and inflation stops at the
 * first byte beyond a member's declared size, so the files stay within the ONNX size limit.
 */
export async function unpackOnnxArchive(bytes: Uint8Array): Promise<OnnxUpload> {
  const files = readDirectory(bytes);
  const models = files.filter((entry) => entry.name.toLowerCase().endsWith('.onnx'));
  const [modelEntry] = models;
  if (!modelEntry) {
    const hasModelJson = files.some((entry) => entry.name.split('/').at(-1) === 'model.json');
    if (hasModelJson) {
      throw new ModelError('The archive holds a TF.js model (model.json), not ONNX: choose the TF.js format for it.');
    }
    throw notOnnx(bytes, 'the ZIP archive holds no .onnx file');
  }
  if (models.length > 1) {
    throw new ModelError(
      `The archive holds ${models.length} .onnx files (${models.map((entry) => JSON.stringify(entry.name)).join(', ')}); upload one model.`,
    );
  }
  const folder = modelEntry.name.slice(0, modelEntry.name.lastIndexOf('/') + 1);
  if (folder.split('/').length > 2) {
    throw new ModelError(
      `The .onnx file must be at the top of the archive or in one top-level folder; it is at ${JSON.stringify(modelEntry.name)}.`,
    );
  }
  const total = files.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_MODEL_BYTES) {
    throw new ModelError(
      `The model and its external-data files add up to ${(total / MB).toFixed(2)} MB, larger than the ${MAX_MODEL_BYTES / MB} MB limit.`,
    );
  }
  for (const entry of files) {
    const rest = entry.name.slice(folder.length);
    if (!entry.name.startsWith(folder) || rest.includes('/')) {
      throw new ModelError(
        `The archive member ${JSON.stringify(entry.name)} is not beside the model ${JSON.stringify(modelEntry.name)}: external-data files sit in the same folder as the .onnx file.`,
      );
    }
  }
  const zip = await loadZip(bytes);
  checkJsZipAgrees(zip, files);
  const data = new Map<string, Uint8Array>();
  for (const entry of files) {
    if (entry !== modelEntry) data.set(entry.name.slice(folder.length), await inflateMember(zip, entry));
  }
  return { modelName: modelEntry.name.slice(folder.length), model: await inflateMember(zip, modelEntry), files: data };
}
