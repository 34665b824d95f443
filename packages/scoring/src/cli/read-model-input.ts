import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { packTfjsFiles } from '@tenfold/artifacts';
import { ModelError } from '../errors.ts';
import type { ModelFormatId } from '../score-artifact.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

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
 * Reads the model named on the command line: an .onnx file, a TF.js archive (.zip), a TF.js
 * folder, or its model.json (the folder around it is taken).
 */
export async function readModelInput(path: string): Promise<{ bytes: Uint8Array; format: ModelFormatId }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ModelError(`${path} does not exist.`);
  if (info.isDirectory() || basename(path) === 'model.json') {
    const folder = info.isDirectory() ? path : dirname(path);
    const files = await readdir(folder);
    if (!files.includes('model.json'))
      throw new ModelError(`${folder} has no model.json: give an .onnx file or a TF.js model folder.`);
    return { bytes: await zipFolder(folder), format: 'tfjs' };
  }
  const bytes = new Uint8Array(await readFile(path));
  const isZip = ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
  return { bytes, format: isZip ? 'tfjs' : 'onnx' };
}
