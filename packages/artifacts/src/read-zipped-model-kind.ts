import JSZip from 'jszip';
import { MAX_MODEL_JSON_BYTES, readTfjsFormat, type TfjsKind } from './read-tfjs-format.ts';

export type ZippedModelKind = { format: 'onnx' } | { format: 'tfjs'; kind: TfjsKind } | { problem: string };

/** A member at the top of the archive or in one top-level folder, as a saved model folder zips. */
const isModelMember = (name: string, file: RegExp) => new RegExp(`^([^/]+/)?${file.source}$`, 'i').test(name);

/**
 * What an uploaded .zip holds: a TF.js model (model.json, whose kind is read) or an ONNX model
 * with its external-data files (one .onnx). Only model.json is inflated, under a size cap; the
 * scorer checks every member again before loading anything.
 */
export async function readZippedModelKind(bytes: Uint8Array): Promise<ZippedModelKind> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { problem: 'The .zip archive could not be read; make it again from the model folder.' };
  }
  const members = Object.values(zip.files).filter((entry) => !entry.dir);
  const modelJson = members.filter((entry) => isModelMember(entry.name, /model\.json/));
  const onnx = members.filter((entry) => isModelMember(entry.name, /[^/]+\.onnx/));
  if (modelJson.length === 0 && onnx.length === 1) return { format: 'onnx' };
  if (modelJson.length === 0) {
    return {
      problem:
        onnx.length > 1
          ? 'The archive holds more than one .onnx file; upload one model at a time.'
          : 'The archive has neither model.json (TF.js) nor an .onnx file. PyTorch models are uploaded as ONNX (torch.onnx.export).',
    };
  }
  if (modelJson.length > 1)
    return { problem: 'The archive holds more than one model.json; upload one model at a time.' };
  const entry = modelJson[0] as JSZip.JSZipObject;
  // JSZip keeps the central directory's declared size here; refuse before inflating.
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > MAX_MODEL_JSON_BYTES) return { problem: 'model.json is larger than 8 MB.' };
  const format = readTfjsFormat(await entry.async('uint8array'));
  return 'problem' in format ? format : { format: 'tfjs', kind: format.kind };
}
