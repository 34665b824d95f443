import {
  concatBytes,
  lengthDelimited,
  readFieldSpans,
  readProtobufFields,
  rewriteOnnxTensors,
  TENSOR,
} from '@tenfold/artifacts/onnx';
import { DATA_LOCATION_EXTERNAL } from './check-external-tensor.ts';
import { readExternalDataEntries } from './read-external-data-entries.ts';

function isExternal(tensor: Uint8Array): boolean {
  for (const field of readProtobufFields(tensor)) {
    if (field.number === TENSOR.dataLocation && field.wireType === 0) return field.value === DATA_LOCATION_EXTERNAL;
  }
  return false;
}

/**
 * Copies every external-data tensor's bytes into the model as raw_data and drops its
 * external_data entries and data_location, so ONNX Runtime gets one self-contained model and
 * never opens a file (its in-memory externalData option is not enough: onnxruntime-node 1.30
 * still reads tensors of subgraphs from disk, tried here). Only for a model that
 * inspectOnnxModel passed with these files: it checked every location, offset and length.
 */
export function inlineExternalData(model: Uint8Array, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return rewriteOnnxTensors(model, (tensor) => {
    if (!isExternal(tensor)) return null;
    const kept: Uint8Array[] = [];
    const entries: Uint8Array[] = [];
    for (const field of readFieldSpans(tensor)) {
      if (field.number === TENSOR.externalData && field.payload) entries.push(field.payload);
      else if (field.number !== TENSOR.dataLocation) kept.push(tensor.subarray(field.start, field.end));
    }
    const { location, offset, length } = readExternalDataEntries(entries, 'a tensor');
    const file = files.get(location ?? '');
    if (!file || length === undefined) throw new Error('External data reached inlining without its checks.');
    const start = Number(offset ?? 0);
    const values = file.subarray(start, start + Number(length));
    return concatBytes([...kept, ...lengthDelimited(TENSOR.rawData, values)]);
  });
}
