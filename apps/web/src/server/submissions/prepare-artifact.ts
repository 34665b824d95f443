import 'server-only';
import {
  isOnnxName,
  listExternalDataFiles,
  packOnnxFiles,
  packTfjsFiles,
  readTfjsFormat,
  readZippedModelKind,
} from '@tenfold/artifacts';
import type { ModelFormat } from '@tenfold/db';
import { looksLikeOnnx } from './looks-like-onnx.ts';
import type { SubmissionErrorCode } from './submission-errors.ts';
import type { UploadedFile } from './submission-input.ts';

/** A TF.js upload is model.json plus its shards; converter output for 200 MB is about 50 shards. */
export const MAX_UPLOAD_FILES = 64;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export type PreparedArtifact =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; format: ModelFormat; filename: string }
  | { ok: false; code: SubmissionErrorCode };

const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? '';
const tfjsFormat = (kind: 'layers-model' | 'graph-model'): ModelFormat =>
  kind === 'layers-model' ? 'TFJS_LAYERS' : 'TFJS_GRAPH';

/**
 * Turns the uploaded file(s) into the one artifact Tenfold stores: an ONNX file as is; an ONNX
 * file with its external-data files, or a TF.js model given as several files, as one archive;
 * a .zip of either as it came. Only cheap checks happen here (which files belong together); the
 * scorer inspects every name, offset and size before loading anything.
 */
export async function prepareArtifact(files: UploadedFile[], maxUploadBytes: number): Promise<PreparedArtifact> {
  // Browsers send an empty, unnamed part when no file was chosen.
  const chosen = files.filter((file) => file.name !== '' || file.bytes.byteLength > 0);
  if (chosen.length === 0) return { ok: false, code: 'file_missing' };
  if (chosen.some((file) => file.bytes.byteLength === 0)) return { ok: false, code: 'file_empty' };
  if (chosen.reduce((sum, file) => sum + file.bytes.byteLength, 0) > maxUploadBytes) {
    return { ok: false, code: 'file_too_large' };
  }
  if (chosen.length > MAX_UPLOAD_FILES) return { ok: false, code: 'too_many_files' };
  if (chosen.length > 1) return prepareSeveralFiles(chosen);

  const [file] = chosen as [UploadedFile];
  if (isZip(file.bytes)) {
    const zipped = await readZippedModelKind(file.bytes);
    if ('problem' in zipped) return { ok: false, code: 'archive_not_model' };
    const format = zipped.format === 'onnx' ? 'ONNX' : tfjsFormat(zipped.kind);
    return { ok: true, bytes: file.bytes, format, filename: file.name };
  }
  if (baseName(file.name).endsWith('.json')) return { ok: false, code: 'tfjs_weights_missing' };
  if (!looksLikeOnnx(file.bytes)) return { ok: false, code: 'file_not_onnx' };
  // PyTorch 2.9+ writes the weights to model.onnx.data by default: say so now, not after a run.
  if (listExternalDataFiles(file.bytes).length > 0) return { ok: false, code: 'onnx_external_data_missing' };
  return { ok: true, bytes: file.bytes, format: 'ONNX', filename: file.name };
}

async function prepareSeveralFiles(chosen: UploadedFile[]): Promise<PreparedArtifact> {
  const modelJson = chosen.filter((file) => baseName(file.name) === 'model.json');
  const onnx = chosen.filter((file) => isOnnxName(file.name));
  if (modelJson.length === 0 && onnx.length > 0) return prepareOnnxFiles(chosen, onnx);
  if (modelJson.length !== 1) return { ok: false, code: 'tfjs_model_json_missing' };
  const format = readTfjsFormat((modelJson[0] as UploadedFile).bytes);
  if ('problem' in format) return { ok: false, code: 'tfjs_model_json_invalid' };
  const packed = await packTfjsFiles(chosen).catch(() => null);
  if (!packed) return { ok: false, code: 'duplicate_file_names' };
  return { ok: true, bytes: new Uint8Array(packed), format: tfjsFormat(format.kind), filename: 'model.zip' };
}

/** An .onnx file and exactly the external-data files it names, under those names. */
async function prepareOnnxFiles(chosen: UploadedFile[], onnx: UploadedFile[]): Promise<PreparedArtifact> {
  const [model] = onnx as [UploadedFile];
  if (onnx.length > 1) return { ok: false, code: 'onnx_several_models' };
  if (!looksLikeOnnx(model.bytes)) return { ok: false, code: 'file_not_onnx' };
  const named = new Set(listExternalDataFiles(model.bytes));
  const others = new Set(chosen.filter((file) => file !== model).map((file) => baseName(file.name)));
  if ([...named].some((name) => !others.has(name))) return { ok: false, code: 'onnx_external_data_missing' };
  if ([...others].some((name) => !named.has(name))) return { ok: false, code: 'onnx_files_unused' };
  const packed = await packOnnxFiles(chosen).catch(() => null);
  if (!packed) return { ok: false, code: 'duplicate_file_names' };
  return { ok: true, bytes: new Uint8Array(packed), format: 'ONNX', filename: baseName(model.name) };
}
