/**
 * Ids of the points no other point beats on both axes: lower or equal cost with higher or equal
 * accuracy, one of them strictly. Sorting by cost (then accuracy, best first) makes one sweep
 * enough: a point is on the frontier when it is more accurate than everything cheaper.
 */
export function findParetoFrontier(points: { id: string; cost: number; accuracy: number }[]): Set<string> {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.accuracy - a.accuracy);
  const frontier = new Set<string>();
  let best = Number.NEGATIVE_INFINITY;
  for (const point of sorted) {
    if (point.accuracy > best) {
      frontier.add(point.id);
      best = point.accuracy;
    }
  }
  return frontier;
}
