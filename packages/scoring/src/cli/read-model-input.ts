import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isOnnxName, isPlainFileName, listExternalDataFiles, packOnnxFiles, packTfjsFiles } from '@tenfold/artifacts';
import { ModelError } from '../errors.ts';
import { isZipArchive } from '../onnx/unpack-onnx-archive.ts';
import type { ModelFormatId } from '../score-artifact.ts';
import { readZipDirectory } from '../tfjs/read-zip-directory.ts';

export type ModelInput = {
  bytes: Uint8Array;
  format: ModelFormatId;
  /** The external-data files taken from beside an .onnx file, to say so. */
  externalFiles: string[];
};

/** Packs a TF.js model folder (model.json + shards) the way the web app packs uploaded files. */
async function zipFolder(folder: string): Promise<Uint8Array> {
  const entries = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile());
  return packTfjsFiles(
    await Promise.all(
      entries.map(async (entry) => ({ name: entry.name, bytes: await readFile(join(folder, entry.name)) })),
    ),
  );
}

/**
 * An .onnx file with the external-data files it names, read from its folder (PyTorch 2.9+
 * writes model.onnx + model.onnx.data); packed as the web app packs them. Names that are not
 * plain file names are never read: the scorer refuses them with its reason.
 */
async function readOnnxWithData(path: string): Promise<ModelInput> {
  const bytes = new Uint8Array(await readFile(path));
  if (isZipArchive(bytes)) return { bytes, format: 'onnx', externalFiles: [] };
  const names = listExternalDataFiles(bytes).filter(isPlainFileName);
  if (names.length === 0) return { bytes, format: 'onnx', externalFiles: [] };
  const files = [{ name: basename(path), bytes }];
  for (const name of names) {
    const file = join(dirname(path), name);
    if (!(await stat(file).catch(() => null))?.isFile()) {
      throw new ModelError(
        `${basename(path)} keeps its weights in the external-data file "${name}", which is not beside it (${file}). Keep the files torch.onnx.export wrote together, or export one file with external_data=False.`,
      );
    }
    files.push({ name, bytes: new Uint8Array(await readFile(file)) });
  }
  return { bytes: await packOnnxFiles(files), format: 'onnx', externalFiles: names };
}

/** A .zip holds a TF.js model unless it holds an .onnx file and no model.json. */
function zipFormat(bytes: Uint8Array): ModelFormatId {
  try {
    const names = readZipDirectory(bytes).map((entry) => entry.name.split('/').at(-1) ?? '');
    return names.some(isOnnxName) && !names.includes('model.json') ? 'onnx' : 'tfjs';
  } catch {
    return 'tfjs';
  }
}

/**
 * Reads the model named on the command line: an .onnx file (with the external-data files it
 * names, from the same folder), a .zip (TF.js, or ONNX with its data), a folder (TF.js, or
 * one .onnx file with its data), or a TF.js model.json (the folder around it is taken).
 */
export async function readModelInput(path: string): Promise<ModelInput> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ModelError(`${path} does not exist.`);
  if (info.isDirectory() || basename(path) === 'model.json') {
    const folder = info.isDirectory() ? path : dirname(path);
    const files = await readdir(folder);
    if (files.includes('model.json')) return { bytes: await zipFolder(folder), format: 'tfjs', externalFiles: [] };
    const onnx = files.filter(isOnnxName);
    if (onnx.length !== 1) {
      throw new ModelError(
        `${folder} has no model.json and ${onnx.length === 0 ? 'no' : 'more than one'} .onnx file: give an .onnx file or a TF.js model folder.`,
      );
    }
    return readOnnxWithData(join(folder, onnx[0] as string));
  }
  if (isOnnxName(path)) return readOnnxWithData(path);
  const bytes = new Uint8Array(await readFile(path));
  const format = isZipArchive(bytes) ? zipFormat(bytes) : 'onnx';
  return { bytes, format, externalFiles: [] };
}
