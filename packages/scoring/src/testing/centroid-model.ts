const PIXELS = 784;
const CLASSES = 10;

/**
 * Nearest-centroid classifier as a linear model: argmin |x - m_c|^2 = argmax (x.m_c - |m_c|^2 / 2),
 * so W[:, c] = m_c and b_c = -|m_c|^2 / 2, with m_c the mean training image of class c (pixels / 255).
 * About 80% accurate on MNIST: a real classifier, yet one a test can recompute by hand.
 */
export function buildCentroidModel(
  images: Uint8Array,
  labels: Uint8Array,
): { weights: Float32Array; bias: Float32Array } {
  const sums = new Float64Array(PIXELS * CLASSES);
  const counts = new Float64Array(CLASSES);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    counts[c] = (counts[c] as number) + 1;
    for (let p = 0; p < PIXELS; p++)
      sums[p * CLASSES + c] = (sums[p * CLASSES + c] as number) + (images[i * PIXELS + p] as number) / 255;
  }
  const weights = new Float32Array(PIXELS * CLASSES);
  const bias = new Float32Array(CLASSES);
  for (let c = 0; c < CLASSES; c++) {
    let norm = 0;
    for (let p = 0; p < PIXELS; p++) {
      const mean = (sums[p * CLASSES + c] as number) / (counts[c] as number);
      weights[p * CLASSES + c] = mean;
      norm += Math.fround(mean) ** 2;
    }
    bias[c] = -norm / 2;
  }
  return { weights, bias };
}

/**
 * The linear model's predictions computed in plain float64 TypeScript, independent of any
 * inference engine, with the smallest gap between the best and second-best score (a test
 * uses it to show that float32 rounding in the engine cannot flip an answer).
 */
export function predictLinear(
  images: Uint8Array,
  count: number,
  model: { weights: Float32Array; bias: Float32Array },
): { predictions: Uint8Array; smallestMargin: number } {
  const predictions = new Uint8Array(count);
  const scores = new Float64Array(CLASSES);
  let smallestMargin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < CLASSES; c++) scores[c] = model.bias[c] as number;
    for (let p = 0; p < PIXELS; p++) {
      const x = Math.fround((images[i * PIXELS + p] as number) / 255);
      if (x === 0) continue;
      for (let c = 0; c < CLASSES; c++)
        scores[c] = (scores[c] as number) + x * (model.weights[p * CLASSES + c] as number);
    }
    let best = 0;
    for (let c = 1; c < CLASSES; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    let second = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < CLASSES; c++) if (c !== best) second = Math.max(second, scores[c] as number);
    smallestMargin = Math.min(smallestMargin, (scores[best] as number) - second);
    predictions[i] = best;
  }
  return { predictions, smallestMargin };
}
