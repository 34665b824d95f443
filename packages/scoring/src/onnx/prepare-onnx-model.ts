import { inlineExternalData } from './inline-external-data.ts';
import { inspectOnnxModel, type OnnxInspection } from './inspect-onnx-model.ts';
import { isZipArchive, unpackOnnxArchive } from './unpack-onnx-archive.ts';

/**
 * The stored ONNX artifact as the one self-contained model ONNX Runtime may load: a plain .onnx
 * file after its inspection, or an archive of an .onnx file and its external-data files, whose
 * data is checked against the files and then copied into the model (inspected once more, so
 * what ONNX Runtime gets holds no external reference at all).
 */
export async function prepareOnnxModel(bytes: Uint8Array): Promise<{ model: Uint8Array; inspection: OnnxInspection }> {
  if (!isZipArchive(bytes)) return { model: bytes, inspection: inspectOnnxModel(bytes) };
  const upload = await unpackOnnxArchive(bytes);
  const sizes = new Map([...upload.files].map(([name, data]) => [name, data.byteLength]));
  const inspection = inspectOnnxModel(upload.model, sizes);
  const model = inlineExternalData(upload.model, upload.files);
  inspectOnnxModel(model);
  return { model, inspection };
}
