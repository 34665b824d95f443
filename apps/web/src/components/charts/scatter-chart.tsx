const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = { top: 16, right: 20, bottom: 48, left: 64 };
const TICKS = 5;

export type ScatterPoint = {
  id: string;
  label: string;
  /** Shown on hover (the SVG title) beside the label. */
  detail: string;
  x: number;
  y: number;
  href: string;
  isBaseline?: boolean;
  isFrontier?: boolean;
};

type Props = {
  points: ScatterPoint[];
  title: string;
  xLabel: string;
  yLabel: string;
  xScale?: 'linear' | 'log';
  formatX: (value: number) => string;
  formatY: (value: number) => string;
  /** Draw y = x (for two accuracies on the same scale). */
  showDiagonal?: boolean;
  /** Join the points marked isFrontier, in x order. */
  showFrontier?: boolean;
  testId?: string;
};

function extent(values: number[], isLog: boolean): [number, number] {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (isLog) {
    min = 10 ** Math.floor(Math.log10(min));
    max = 10 ** Math.ceil(Math.log10(max));
    return min === max ? [min / 10, max * 10] : [min, max];
  }
  const pad = (max - min) * 0.05 || 0.01;
  return [min - pad, max + pad];
}

/**
 * A server-rendered scatter plot: one linked circle per point, its details in an SVG <title>
 * (the browser's own hover tooltip), colours from CSS classes because the CSP forbids inline styles.
 */
export function ScatterChart(props: Props) {
  const { points, xScale = 'linear' } = props;
  const isLog = xScale === 'log';
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [x0, x1] = extent(
    points.map((p) => p.x).filter((x) => !isLog || x > 0),
    isLog,
  );
  let [y0, y1] = extent(
    points.map((p) => p.y),
    false,
  );
  if (props.showDiagonal) {
    y0 = Math.min(x0, y0);
    y1 = Math.max(x1, y1);
  }
  const [dx0, dx1] = props.showDiagonal ? [y0, y1] : [x0, x1];
  const tx = (x: number) =>
    MARGIN.left +
    (isLog ? (Math.log10(x) - Math.log10(dx0)) / (Math.log10(dx1) - Math.log10(dx0)) : (x - dx0) / (dx1 - dx0)) *
      plotWidth;
  const ty = (y: number) => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotHeight;
  const xTicks = isLog
    ? Array.from({ length: Math.round(Math.log10(dx1 / dx0)) + 1 }, (_, i) => dx0 * 10 ** i)
    : Array.from({ length: TICKS }, (_, i) => dx0 + ((dx1 - dx0) * i) / (TICKS - 1));
  const yTicks = Array.from({ length: TICKS }, (_, i) => y0 + ((y1 - y0) * i) / (TICKS - 1));
  const frontier = props.showFrontier ? points.filter((p) => p.isFrontier).sort((a, b) => a.x - b.x) : [];

  return (
    <figure className="chart" data-testid={props.testId ?? 'scatter-chart'}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title} className="chart__svg">
        <title>{props.title}</title>
        {xTicks.map((tick) => (
          <g key={`x${tick}`}>
            <line className="chart__grid" x1={tx(tick)} x2={tx(tick)} y1={MARGIN.top} y2={MARGIN.top + plotHeight} />
            <text className="chart__tick" x={tx(tick)} y={MARGIN.top + plotHeight + 16} textAnchor="middle">
              {props.formatX(tick)}
            </text>
          </g>
        ))}
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line className="chart__grid" x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={ty(tick)} y2={ty(tick)} />
            <text className="chart__tick" x={MARGIN.left - 6} y={ty(tick) + 4} textAnchor="end">
              {props.formatY(tick)}
            </text>
          </g>
        ))}
        {props.showDiagonal ? (
          <line className="chart__diagonal" x1={tx(y0)} y1={ty(y0)} x2={tx(y1)} y2={ty(y1)}>
            <title>Same accuracy on both</title>
          </line>
        ) : null}
        {frontier.length > 1 ? (
          <polyline
            className="chart__frontier"
            points={frontier.map((p) => `${tx(p.x).toFixed(1)},${ty(p.y).toFixed(1)}`).join(' ')}
          />
        ) : null}
        {points.map((point) =>
          isLog && point.x <= 0 ? null : (
            <a key={point.id} href={point.href} data-testid="chart-point">
              <circle
                className={`chart__point${point.isBaseline ? ' chart__point--baseline' : ''}${point.isFrontier ? ' chart__point--frontier' : ''}`}
                cx={tx(point.x).toFixed(1)}
                cy={ty(point.y).toFixed(1)}
                r={point.isFrontier ? 5 : 4}
              >
                <title>{`${point.label}\n${point.detail}`}</title>
              </circle>
            </a>
          ),
        )}
        <text className="chart__axis-label" x={MARGIN.left + plotWidth / 2} y={HEIGHT - 8} textAnchor="middle">
          {props.xLabel}
        </text>
        <text
          className="chart__axis-label"
          x={14}
          y={MARGIN.top + plotHeight / 2}
          textAnchor="middle"
          transform={`rotate(-90 14 ${MARGIN.top + plotHeight / 2})`}
        >
          {props.yLabel}
        </text>
      </svg>
    </figure>
  );
}
