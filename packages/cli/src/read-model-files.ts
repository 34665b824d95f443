import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { isPlainFileName, listExternalDataFiles } from '@tenfold/artifacts';
import { CliError, EXIT } from './exit-codes.ts';

/** A model file problem: exit 2, with a code scripts can tell apart from argument mistakes. */
const fileError = (message: string, code = 'file_invalid') => new CliError(message, EXIT.usage, code);

type ModelFile = { name: string; bytes: Uint8Array<ArrayBuffer> };
export type ModelUpload = {
  kind: 'onnx' | 'zip' | 'tfjs-folder';
  files: ModelFile[];
  totalBytes: number;
  /** Said before uploading: which files came along with the one named (ONNX external data). */
  note?: string;
};

/** The server takes at most this many file parts (model.json + shards). */
const MAX_UPLOAD_FILES = 64;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Formats people try first, with what to do instead. */
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  '.pt':
    'PyTorch checkpoints cannot be scored: export the model to ONNX with torch.onnx.export (see docs/guides/pytorch.md).',
  '.pth':
    'PyTorch checkpoints cannot be scored: export the model to ONNX with torch.onnx.export (see docs/guides/pytorch.md).',
  '.ckpt': 'Checkpoints cannot be scored: export the model to ONNX (PyTorch: torch.onnx.export) or TF.js.',
  '.h5':
    'Keras .h5 files are converted first: tensorflowjs_converter --input_format keras model.h5 out/ (see docs/guides/keras-tfjs.md), then submit out/.',
  '.keras':
    'Keras .keras files are converted first: tensorflowjs_converter --input_format keras (see docs/guides/keras-tfjs.md), then submit the output folder.',
  '.pb':
    'TensorFlow SavedModels are converted first: tensorflowjs_converter --input_format tf_saved_model (see docs/guides/keras-tfjs.md).',
  '.tflite':
    'TensorFlow Lite models cannot be scored: export ONNX (tf2onnx) or TF.js (tensorflowjs_converter) instead.',
  '.safetensors': 'Raw weights cannot be scored: export the whole model to ONNX (torch.onnx.export).',
  '.bin': 'A .bin file is one weight shard: give the TF.js model.json (or its folder) and the shards come with it.',
};

const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((byte, i) => bytes[i] === byte);

async function readNonEmpty(path: string, name: string): Promise<ModelFile> {
  const bytes = new Uint8Array(await readFile(path));
  if (bytes.byteLength === 0) throw fileError(`${path} is empty (0 bytes): export the model again.`, 'file_empty');
  return { name, bytes };
}

/** The shard file names model.json lists, checked before anything is read: the manifest is untrusted. */
function listTfjsShards(modelJsonText: string, where: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(modelJsonText);
  } catch {
    throw fileError(`${where} is not JSON: give the model.json that tensorflowjs_converter or model.save() wrote.`);
  }
  const format = (manifest as { format?: unknown })?.format;
  if (format !== 'layers-model' && format !== 'graph-model') {
    throw fileError(
      `${where} does not say "format": "layers-model" or "graph-model": save the model with model.save() or convert it with tensorflowjs_converter.`,
    );
  }
  const groups = (manifest as { weightsManifest?: unknown })?.weightsManifest;
  if (!Array.isArray(groups)) {
    throw fileError(`${where} has no weightsManifest: it is not a TF.js model.json (layers-model or graph-model).`);
  }
  const names = new Set<string>();
  for (const group of groups) {
    const paths = (group as { paths?: unknown })?.paths;
    if (!Array.isArray(paths)) throw fileError(`${where}: a weightsManifest entry has no paths list.`);
    for (const listed of paths) {
      // tfjs-node's model.save('file://dir') writes "./weights.bin", the file beside model.json.
      const path = typeof listed === 'string' && listed.startsWith('./') ? listed.slice(2) : listed;
      if (typeof path !== 'string' || path === '' || /[\\/]/.test(path) || path === '.' || path === '..') {
        throw fileError(
          `${where} lists the weight file "${String(listed)}": only plain file names beside model.json are accepted.`,
        );
      }
      names.add(path);
    }
  }
  return [...names];
}

async function readTfjsFolder(modelJsonPath: string): Promise<ModelUpload> {
  const folder = dirname(modelJsonPath);
  const modelJson = await readNonEmpty(modelJsonPath, 'model.json');
  const shards = listTfjsShards(new TextDecoder().decode(modelJson.bytes), modelJsonPath);
  if (shards.length + 1 > MAX_UPLOAD_FILES) {
    throw fileError(
      `${modelJsonPath} lists ${shards.length} weight files; Tenfold takes at most ${MAX_UPLOAD_FILES - 1}: convert with a larger --weight_shard_size_bytes.`,
    );
  }
  const files = [modelJson];
  for (const shard of shards) {
    const path = join(folder, shard);
    if (!(await stat(path).catch(() => null))?.isFile()) {
      throw fileError(
        `${path} is missing: model.json lists it as a weight file. Keep the shards beside model.json.`,
        'file_missing',
      );
    }
    files.push(await readNonEmpty(path, shard));
  }
  return { kind: 'tfjs-folder', files, totalBytes: files.reduce((sum, file) => sum + file.bytes.byteLength, 0) };
}

const sumBytes = (files: ModelFile[]) => files.reduce((sum, file) => sum + file.bytes.byteLength, 0);

/**
 * An .onnx file plus the external-data files it names, from its folder: PyTorch 2.9+ writes
 * model.onnx + model.onnx.data. Only plain names are read; the server refuses any other.
 */
async function readOnnxWithData(path: string, onnx: ModelFile): Promise<ModelUpload> {
  const listed = listExternalDataFiles(onnx.bytes);
  const unsafe = listed.find((name) => !isPlainFileName(name));
  if (unsafe !== undefined) {
    throw fileError(
      `${onnx.name} names the external-data file ${JSON.stringify(unsafe)}, which is not a plain file name beside it: only files in the model's own folder are sent. Export the model again.`,
    );
  }
  const files = [onnx];
  for (const name of listed) {
    const file = join(dirname(path), name);
    if (!(await stat(file).catch(() => null))?.isFile()) {
      throw fileError(
        `${file} is missing: ${onnx.name} keeps its weights in it. Keep the files torch.onnx.export wrote together, or export one file with external_data=False.`,
        'file_missing',
      );
    }
    files.push(await readNonEmpty(file, name));
  }
  const note =
    listed.length > 0
      ? `${onnx.name} keeps its weights in ${listed.join(', ')}: sending ${listed.length === 1 ? 'it' : 'them'} too.`
      : undefined;
  return { kind: 'onnx', files, totalBytes: sumBytes(files), ...(note ? { note } : {}) };
}

/**
 * The file parts to upload for a model given on the command line: an .onnx file (with the
 * external-data files it names), a folder holding one, a .zip (TF.js, or ONNX with its data; the server reads which), or a TF.js
 * .zip, or a TF.js model (its folder or its model.json) sent as model.json plus the shards
 * it lists, the way the site's form sends them.
 */
export async function readModelFiles(path: string): Promise<ModelUpload> {
  const info = await stat(path).catch(() => null);
  if (!info) {
    throw fileError(
      `${path} does not exist: give the path of an .onnx file, a .zip of a model folder, or a TF.js model folder.`,
      'file_missing',
    );
  }
  if (info.isDirectory()) {
    const entries = await readdir(path);
    const onnx = entries.filter((name) => extname(name).toLowerCase() === '.onnx');
    if (!entries.includes('model.json') && onnx.length === 1) {
      const modelPath = join(path, onnx[0] as string);
      return readOnnxWithData(modelPath, await readNonEmpty(modelPath, onnx[0] as string));
    }
    if (!entries.includes('model.json')) {
      throw fileError(
        `${path} is a folder without model.json${onnx.length > 1 ? ' and with several .onnx files' : ''}: give an .onnx file, a TF.js .zip or a TF.js model folder.`,
      );
    }
    return readTfjsFolder(join(path, 'model.json'));
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return readTfjsFolder(path);
  const hint = UNSUPPORTED_EXTENSIONS[extension];
  if (hint) throw fileError(`${basename(path)}: ${hint}`, 'file_unsupported');
  if (extension !== '.onnx' && extension !== '.zip') {
    throw fileError(
      `${basename(path)} is not a model file Tenfold takes: give an .onnx file, a .zip of a model folder, or a TF.js model folder / model.json.`,
      'file_unsupported',
    );
  }
  const file = await readNonEmpty(path, basename(path));
  if (extension === '.zip' && !isZip(file.bytes)) throw fileError(`${path} is not a zip archive.`);
  if (extension === '.onnx' && isZip(file.bytes)) {
    throw fileError(`${path} is a zip archive, not ONNX: if it is a TF.js model, rename it to .zip.`);
  }
  if (extension === '.onnx') return readOnnxWithData(path, file);
  return { kind: 'zip', files: [file], totalBytes: file.bytes.byteLength };
}
