import 'server-only';
import { packTfjsFiles, readTfjsFormat, readZippedModelJson } from '@tenfold/artifacts';
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
 * Turns the uploaded file(s) into the one artifact Tenfold stores: an ONNX file as is; a TF.js
 * model as one archive, whether it came zipped or as model.json plus weight files. Only cheap
 * checks happen here; the scorer inspects everything before loading it.
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

  if (chosen.length > 1) {
    const modelJson = chosen.filter((file) => baseName(file.name) === 'model.json');
    if (modelJson.length !== 1) return { ok: false, code: 'tfjs_model_json_missing' };
    const format = readTfjsFormat((modelJson[0] as UploadedFile).bytes);
    if ('problem' in format) return { ok: false, code: 'tfjs_model_json_invalid' };
    const packed = await packTfjsFiles(chosen).catch(() => null);
    if (!packed) return { ok: false, code: 'tfjs_duplicate_names' };
    return { ok: true, bytes: new Uint8Array(packed), format: tfjsFormat(format.kind), filename: 'model.zip' };
  }

  const [file] = chosen as [UploadedFile];
  if (isZip(file.bytes)) {
    const format = await readZippedModelJson(file.bytes);
    if ('problem' in format) return { ok: false, code: 'archive_not_tfjs' };
    return { ok: true, bytes: file.bytes, format: tfjsFormat(format.kind), filename: file.name };
  }
  if (baseName(file.name).endsWith('.json')) return { ok: false, code: 'tfjs_weights_missing' };
  if (!looksLikeOnnx(file.bytes)) return { ok: false, code: 'file_not_onnx' };
  return { ok: true, bytes: file.bytes, format: 'ONNX', filename: file.name };
}
