/** Test-set indexes where exactly one of two models is right, in test-set order, and how many in all. */
export type Disagreement = {
  onlyFirstRight: number;
  onlySecondRight: number;
  firstRightExamples: number[];
  secondRightExamples: number[];
};

export function comparePredictions(
  first: Uint8Array,
  second: Uint8Array,
  labels: Uint8Array,
  exampleLimit: number,
): Disagreement {
  const result: Disagreement = {
    onlyFirstRight: 0,
    onlySecondRight: 0,
    firstRightExamples: [],
    secondRightExamples: [],
  };
  const count = Math.min(first.length, second.length, labels.length);
  for (let index = 0; index < count; index += 1) {
    const isFirstRight = first[index] === labels[index];
    const isSecondRight = second[index] === labels[index];
    if (isFirstRight === isSecondRight) continue;
    if (isFirstRight) {
      result.onlyFirstRight += 1;
      if (result.firstRightExamples.length < exampleLimit) result.firstRightExamples.push(index);
    } else {
      result.onlySecondRight += 1;
      if (result.secondRightExamples.length < exampleLimit) result.secondRightExamples.push(index);
    }
  }
  return result;
}
