/** Every Tenfold dataset has ten classes, and a prediction is one byte per test image. */
export const CLASS_COUNT = 10;

/**
 * Adds (sign 1) or takes away (sign -1) one model's predictions from a flat vote table:
 * `votes[image * CLASS_COUNT + class]` counts the models that predict `class` for `image`.
 */
export function tallyVotes(votes: Int32Array, predictions: Uint8Array, sign: 1 | -1): void {
  if (votes.length !== predictions.length * CLASS_COUNT) {
    throw new Error(`A vote table of ${votes.length} cells cannot take ${predictions.length} predictions.`);
  }
  for (let image = 0; image < predictions.length; image += 1) {
    const predicted = predictions[image] as number;
    if (predicted >= CLASS_COUNT) throw new Error(`Prediction ${predicted} of image ${image} is not a class.`);
    const cell = image * CLASS_COUNT + predicted;
    votes[cell] = (votes[cell] as number) + sign;
  }
}

export type ImageSummary = {
  modelsCounted: number;
  correctCount: number;
  /** Most common wrong answer, lowest class on a tie; null when nobody errs. */
  topWrongClass: number | null;
  topWrongCount: number;
};

export type VoteSummary = { total: number; topClass: number | null; topCount: number };

/** The most common answer among `votes` (lowest class on a tie), skipping `excluded`. */
export function topVote(votes: ArrayLike<number>, excluded = -1): VoteSummary {
  let total = 0;
  let topClass: number | null = null;
  let topCount = 0;
  for (let k = 0; k < CLASS_COUNT; k += 1) {
    const count = votes[k] as number;
    total += count;
    if (k !== excluded && count > topCount) {
      topClass = k;
      topCount = count;
    }
  }
  return { total, topClass, topCount };
}

/** What one image's votes say against its official label. */
export function summariseImage(label: number, votes: ArrayLike<number>): ImageSummary {
  const wrong = topVote(votes, label);
  return {
    modelsCounted: wrong.total,
    correctCount: votes[label] as number,
    topWrongClass: wrong.topClass,
    topWrongCount: wrong.topCount,
  };
}
