import { CLASS_COUNT } from '@tenfold/contract';
import { wilsonInterval } from './wilson-interval.ts';

export type Metrics = {
  total: number;
  correct: number;
  accuracy: number;
  accuracyCiLow: number;
  accuracyCiHigh: number;
  /** Row = true class, column = predicted class, row-major (CLASS_COUNT x CLASS_COUNT). */
  confusionMatrix: number[];
  /** Per-class accuracy: of the images of class c, the share predicted as c. */
  perClassRecall: number[];
  /** Of the images predicted as c, the share that are c (0 when nothing was predicted as c). */
  perClassPrecision: number[];
  perClassF1: number[];
};

/** Accuracy and per-class metrics from plain arrays of predicted and true labels. */
export function computeMetrics(predictions: Uint8Array, labels: Uint8Array): Metrics {
  if (predictions.length !== labels.length) {
    throw new Error(`computeMetrics: ${predictions.length} predictions for ${labels.length} labels`);
  }
  const confusion = new Array<number>(CLASS_COUNT * CLASS_COUNT).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const truth = labels[i] as number;
    const predicted = predictions[i] as number;
    if (truth >= CLASS_COUNT || predicted >= CLASS_COUNT)
      throw new Error(`computeMetrics: class out of range at image ${i}`);
    confusion[truth * CLASS_COUNT + predicted] = (confusion[truth * CLASS_COUNT + predicted] as number) + 1;
  }
  const cell = (row: number, column: number) => confusion[row * CLASS_COUNT + column] as number;
  const perClassRecall: number[] = [];
  const perClassPrecision: number[] = [];
  const perClassF1: number[] = [];
  let correct = 0;
  for (let c = 0; c < CLASS_COUNT; c++) {
    let actual = 0;
    let predicted = 0;
    for (let k = 0; k < CLASS_COUNT; k++) {
      actual += cell(c, k);
      predicted += cell(k, c);
    }
    const hits = cell(c, c);
    correct += hits;
    const recall = actual === 0 ? 0 : hits / actual;
    const precision = predicted === 0 ? 0 : hits / predicted;
    perClassRecall.push(recall);
    perClassPrecision.push(precision);
    perClassF1.push(recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision));
  }
  const total = labels.length;
  const [low, high] = wilsonInterval(correct, total);
  return {
    total,
    correct,
    accuracy: total === 0 ? 0 : correct / total,
    accuracyCiLow: low,
    accuracyCiHigh: high,
    confusionMatrix: confusion,
    perClassRecall,
    perClassPrecision,
    perClassF1,
  };
}
