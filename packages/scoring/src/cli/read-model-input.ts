import { readFile, stat } from 'node:fs/promises';
import { ModelError } from '../errors.ts';
import type { ModelFormatId } from '../score-artifact.ts';

/** Reads the model given on the command line and tells which format it is. */
export async function readModelInput(path: string): Promise<{ bytes: Uint8Array; format: ModelFormatId }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ModelError(`${path} does not exist.`);
  if (info.isDirectory()) {
    throw new ModelError(`${path} is a folder; give the .onnx file.`);
  }
  return { bytes: new Uint8Array(await readFile(path)), format: 'onnx' };
}
