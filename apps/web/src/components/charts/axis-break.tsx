/**
 * The mark of an axis that does not start at 0: a zigzag across the axis line at `x`, and the
 * words under it, so nobody reads a zoomed bar's length as its share of 100 %.
 */
export function AxisBreak({ x, y, start }: { x: number; y: number; start: number }) {
  return (
    <g className="chart__break" data-testid="axis-break">
      <path className="chart__break-mark" d={`M ${x - 5} ${y + 4} l 3 -8 l 4 8 l 4 -8 l 3 8`} />
      <title>{`The axis starts at ${Math.round(start * 100)} %, not 0 %`}</title>
    </g>
  );
}
