import JSZip from 'jszip';
import { MAX_MODEL_JSON_BYTES, readTfjsFormat, type TfjsKind } from './read-tfjs-format.ts';

/**
 * Finds model.json in an uploaded .zip (at the root or in one top-level folder) and reads its
 * kind, without inflating anything else and without trusting the declared sizes beyond a cap.
 */
export async function readZippedModelJson(bytes: Uint8Array): Promise<{ kind: TfjsKind } | { problem: string }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { problem: 'The .zip archive could not be read; make it again from the TF.js model folder.' };
  }
  const candidates = Object.values(zip.files).filter(
    (entry) => !entry.dir && /^([^/]+\/)?model\.json$/.test(entry.name),
  );
  if (candidates.length === 0) {
    return {
      problem:
        'The archive has no model.json. Tenfold takes TF.js models as a .zip of the folder that tf.LayersModel.save() or tensorflowjs_converter wrote; PyTorch models are uploaded as ONNX (torch.onnx.export).',
    };
  }
  if (candidates.length > 1)
    return { problem: 'The archive holds more than one model.json; upload one model at a time.' };
  const entry = candidates[0] as JSZip.JSZipObject;
  // JSZip keeps the central directory's declared size here; refuse before inflating.
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > MAX_MODEL_JSON_BYTES) return { problem: 'model.json is larger than 8 MB.' };
  return readTfjsFormat(await entry.async('uint8array'));
}
