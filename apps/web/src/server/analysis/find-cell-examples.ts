/**
 * Indexes (test-set order) of the images whose true class is `trueClass` and which the model
 * predicted as `predictedClass`: the images behind one confusion-matrix cell.
 */
export function findCellExamples(
  predictions: Uint8Array,
  labels: Uint8Array,
  trueClass: number,
  predictedClass: number,
  limit: number,
): number[] {
  const found: number[] = [];
  const count = Math.min(predictions.length, labels.length);
  for (let index = 0; index < count && found.length < limit; index += 1) {
    if (labels[index] === trueClass && predictions[index] === predictedClass) found.push(index);
  }
  return found;
}
