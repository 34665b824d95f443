import { STRING_ENTRY, TENSOR } from './onnx-wire-format.ts';
import { readProtobufFields } from './protobuf-reader.ts';
import { rewriteOnnxTensors } from './rewrite-onnx-tensors.ts';

const decoder = new TextDecoder();

/**
 * The external-data file names an ONNX model's tensors point at (PyTorch 2.9+: "model.onnx.data"),
 * for tools that gather an upload from a folder. Untrusted: only a plain file name (see
 * isPlainFileName) may be read from beside the model; the scorer checks everything again.
 * Returns [] for bytes that are not a readable ONNX model (the scorer explains those).
 */
export function listExternalDataFiles(model: Uint8Array): string[] {
  const names = new Set<string>();
  try {
    rewriteOnnxTensors(model, (tensor) => {
      for (const field of readProtobufFields(tensor)) {
        if (field.number !== TENSOR.externalData || field.wireType !== 2) continue;
        let key = '';
        let value = '';
        for (const entry of readProtobufFields(field.bytes)) {
          if (entry.wireType !== 2) continue;
          if (entry.number === STRING_ENTRY.key) key = decoder.decode(entry.bytes);
          else if (entry.number === STRING_ENTRY.value) value = decoder.decode(entry.bytes);
        }
        if (key === 'location') names.add(value);
      }
      return null;
    });
  } catch {
    return [];
  }
  return [...names];
}

/** A name that can only mean a file in the model's own folder ("model.onnx.data", not "../x"). */
export function isPlainFileName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return name !== '' && name !== '.' && name !== '..' && name.length <= 255 && !/[/\\:\u0000-\u001f\u007f]/.test(name);
}
