/**
 * Writes the arg-max of each row of a row-major [rows, width] score matrix into `out`.
 * Ties go to the lowest class index, as torch.argmax and numpy.argmax do.
 */
export function argmaxRows(
  scores: ArrayLike<number>,
  rows: number,
  width: number,
  out: Uint8Array,
  offset = 0,
): Uint8Array {
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let bestScore = scores[r * width] as number;
    for (let c = 1; c < width; c++) {
      const score = scores[r * width + c] as number;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    out[offset + r] = best;
  }
  return out;
}
