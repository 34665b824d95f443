import { SPARSE_TENSOR } from '@tenfold/artifacts/onnx';
import { ModelError } from '../errors.ts';
import { countTensorElements } from './count-tensor-elements.ts';
import { inspectOnnxTensor, type StoredTensor } from './inspect-onnx-tensor.ts';
import type { InspectionBudget } from './inspection-budget.ts';
import { MAX_TENSOR_RANK } from './onnx-limits.ts';
import { bytesOf, capitalize, pushInt64s, readOnnxFields } from './read-onnx-fields.ts';

/**
 * Checks a SparseTensorProto. ONNX Runtime makes sparse initializers dense when it loads them,
 * so a few stored values can stand for any size: the dense shape counts against the limits.
 */
export function inspectOnnxSparseTensor(
  bytes: Uint8Array,
  kind: string,
  context: string,
  budget: InspectionBudget,
): StoredTensor {
  const where = `${kind}${context}`;
  const dims: number[] = [];
  let values: StoredTensor | undefined;
  let hasIndices = false;
  for (const field of readOnnxFields(bytes, where)) {
    if (field.number === SPARSE_TENSOR.dims) pushInt64s(field, where, dims, MAX_TENSOR_RANK);
    else if (field.number === SPARSE_TENSOR.values || field.number === SPARSE_TENSOR.indices) {
      const isValues = field.number === SPARSE_TENSOR.values;
      // A singular message given twice is merged by protobuf parsers: refuse rather than guess.
      if (isValues ? values : hasIndices) {
        throw new ModelError(`${capitalize(where)} gives its ${isValues ? 'values' : 'indices'} twice.`);
      }
      const part = inspectOnnxTensor(
        bytesOf(field, where),
        `the ${isValues ? 'values' : 'indices'} tensor of a ${kind}`,
        context,
        budget,
      );
      if (isValues) values = part;
      else hasIndices = true;
    }
  }
  if (!values || !hasIndices) throw new ModelError(`${capitalize(where)} lacks its values or indices.`);
  const elements = countTensorElements(dims, `${kind} (dense)${context}`);
  const denseBytes = Math.ceil((elements * values.elementBits) / 8);
  budget.addStoredBytes(denseBytes, `${kind}${context} once made dense`);
  return { elements, bytes: denseBytes, elementBits: values.elementBits };
}
