/**
 * The words for a standing and a difference, the same on the site, the CLI, the API's docs and
 * the rescore reports (one owner, so "2 =" and "pt" never drift apart):
 * - a rank shared with other models (their 95% intervals overlap, so the order between them is
 *   not significant) is written "2 =", never "#2", which reads as a unique place;
 * - a difference of accuracies is in percentage points, "pt", never "%"; its sign is spelled out
 *   in words ("0.40 pt lower"), so no "-0.40% lower".
 */

/** "3" alone, "3 =" when other models share the rank. */
export function formatRank(rank: number, isShared: boolean): string {
  return isShared ? `${rank} =` : String(rank);
}

/** A signed difference of two shares (0..1) in percentage points: "+1.25 pt", "−0.40 pt", "±0.00 pt". */
export function formatPoints(delta: number, digits = 2): string {
  const points = Math.abs(delta * 100).toFixed(digits);
  if (Number(points) === 0) return `±${points} pt`;
  return `${delta > 0 ? '+' : '−'}${points} pt`;
}

/** `value` against `reference` in words: "0.40 pt lower", "1.10 pt higher", "the same". */
export function describePointDifference(value: number, reference: number, digits = 2): string {
  const points = Math.abs((value - reference) * 100).toFixed(digits);
  if (Number(points) === 0) return 'the same';
  return `${points} pt ${value > reference ? 'higher' : 'lower'}`;
}
