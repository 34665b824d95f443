import { baseName, type NamedFile, packFlatZip } from './pack-flat-zip.ts';

/**
 * The one artifact Tenfold stores for an ONNX model: a lone .onnx file as it is; an .onnx file
 * with the external-data files it names (PyTorch 2.9+ writes model.onnx + model.onnx.data) as
 * one deterministic archive, so a rescore sees exactly the same bytes. Throws when the files do
 * not hold exactly one .onnx file; the scorer checks every reference into the others.
 */
export async function packOnnxFiles(files: NamedFile[]): Promise<Uint8Array> {
  const models = files.filter((file) => isOnnxName(file.name));
  if (models.length !== 1) {
    throw new Error(
      models.length === 0
        ? 'None of the uploaded files is an .onnx file.'
        : `${models.length} uploaded files are .onnx files; upload one model with its external-data files.`,
    );
  }
  if (files.length === 1) return (models[0] as NamedFile).bytes;
  return packFlatZip(files, 'ONNX file');
}

export function isOnnxName(name: string): boolean {
  return baseName(name).toLowerCase().endsWith('.onnx');
}
