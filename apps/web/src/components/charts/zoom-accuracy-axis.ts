/** Steps the zoomed axis starts on, so its first tick is a round number. */
const STEP = 0.05;

/**
 * The accuracy axis for per-class charts: from a round number just below the lowest value up
 * to 100 %. On a 0-100 % axis a 98.7 % class and a 100 % one look the same; zoomed, the
 * differences people look for show. `isBroken` says the axis does not start at 0, so the chart
 * must mark the break.
 */
export function zoomAccuracyAxis(values: readonly number[]): { start: number; isBroken: boolean } {
  const lowest = Math.min(1, ...values.filter(Number.isFinite));
  const start = Math.max(0, Math.floor((lowest - STEP / 5) / STEP) * STEP);
  // Floating point: 0.9 - 0.01 can floor to 0.85 instead of 0.85 ± 1e-17; round to the step.
  const rounded = Math.round(start * 100) / 100;
  return { start: rounded, isBroken: rounded > 0 };
}
