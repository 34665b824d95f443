import { ModelError } from '../errors.ts';
import { MAX_TENSOR_ELEMENTS, MAX_TENSOR_RANK } from './onnx-limits.ts';
import { capitalize } from './read-onnx-fields.ts';

/**
 * The element count a stored tensor declares, refusing negative dims and sizes over the limit.
 * The product is checked after every factor, so it is refused as soon as it passes the limit
 * and never accepted once doubles stop being exact.
 */
export function countTensorElements(dims: readonly number[], where: string): number {
  if (dims.length > MAX_TENSOR_RANK) {
    throw new ModelError(
      `${capitalize(where)} has more than ${MAX_TENSOR_RANK} dimensions; Tenfold accepts at most ${MAX_TENSOR_RANK}.`,
    );
  }
  const shape = `[${dims.join(', ')}]`;
  if (dims.some((dim) => dim < 0)) {
    throw new ModelError(`${capitalize(where)} declares the shape ${shape} with a negative dimension.`);
  }
  if (dims.includes(0)) return 0;
  let elements = 1;
  for (const dim of dims) {
    elements *= dim;
    if (dim > MAX_TENSOR_ELEMENTS || elements > MAX_TENSOR_ELEMENTS) {
      throw new ModelError(
        `${capitalize(where)} declares the shape ${shape}, more than the ${MAX_TENSOR_ELEMENTS.toLocaleString('en-US')} elements Tenfold allows in one stored tensor.`,
      );
    }
  }
  return elements;
}
