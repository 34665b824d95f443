/**
 * A hint for a file that is not ONNX but is a model format people often upload by mistake,
 * recognised by its first bytes. Empty when nothing is recognised.
 */
export function guessForeignFormat(bytes: Uint8Array): string {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'It is a ZIP archive, as PyTorch saves .pt/.pth checkpoints: export the model with torch.onnx.export instead.';
  }
  if (starts(0x89, 0x48, 0x44, 0x46)) {
    return 'It is an HDF5 file, as Keras saves .h5 models: convert it to ONNX (for example with tf2onnx) or upload it as TF.js.';
  }
  if (starts(0x80) && (bytes[1] ?? 0) >= 2 && (bytes[1] ?? 0) <= 5) {
    return 'It is a Python pickle, as older torch.save wrote: export the model with torch.onnx.export instead.';
  }
  if (starts(0x7b)) return 'It is JSON text (a TF.js model.json?): choose the TF.js format for such a model.';
  return '';
}
