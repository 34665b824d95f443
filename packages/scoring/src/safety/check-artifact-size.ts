import { ModelError } from '../errors.ts';
import { MAX_MODEL_BYTES } from '../onnx/onnx-limits.ts';
import type { ModelFormatId } from '../sandbox/sandbox-protocol.ts';
import { MAX_TFJS_ARCHIVE_BYTES } from '../tfjs/tfjs-limits.ts';

const LIMITS: Record<ModelFormatId, number> = { onnx: MAX_MODEL_BYTES, tfjs: MAX_TFJS_ARCHIVE_BYTES };
const MB = 1024 * 1024;

/** Refuses an oversized or empty upload before a scoring process is started and sent its bytes. */
export function checkArtifactSize(bytes: Uint8Array, format: ModelFormatId): void {
  if (bytes.byteLength === 0) throw new ModelError('The uploaded file is empty.');
  const limit = LIMITS[format];
  if (bytes.byteLength > limit) {
    throw new ModelError(
      `The model is ${(bytes.byteLength / MB).toFixed(2)} MB, larger than the ${limit / MB} MB limit for ${format === 'onnx' ? 'ONNX files' : 'TF.js archives'}.`,
    );
  }
}
