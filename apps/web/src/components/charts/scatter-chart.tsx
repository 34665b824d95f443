import { scaleLinear, scaleLog } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { type ChartTip, HoverTips } from './hover-tips.tsx';

const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = { top: 16, right: 20, bottom: 48, left: 64 };
const TICKS = 5;

export type ScatterPoint = {
  id: string;
  label: string;
  /** Shown on hover and focus beside the label. */
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
  /** Join the points marked isFrontier as a staircase: the best accuracy reachable at each cost. */
  showFrontier?: boolean;
  testId?: string;
};

/**
 * The extent of the values, widened when they are all one value (a board with one model): by a
 * factor on a log axis, where subtracting could cross zero (a few µs per image) and give NaN.
 */
const bounds = (values: number[], isLog = false): [number, number] => {
  if (values.length === 0) return isLog ? [1, 10] : [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min !== max) return [min, max];
  return isLog ? [min / 2, max * 2] : [min - 0.01, max + 0.01];
};

/**
 * A scatter plot drawn on the server with d3's scales (nice ticks, log axes) and its line
 * generator (the frontier); one linked circle per point, and a hover/focus card added by a small
 * client layer (HoverTips). Colours come from CSS classes because the CSP forbids inline styles.
 */
export function ScatterChart(props: Props) {
  const isLog = props.xScale === 'log';
  const points = props.points.filter((point) => !isLog || point.x > 0);
  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
  let [y0, y1] = bounds(points.map((point) => point.y));
  let [x0, x1] = bounds(
    points.map((point) => point.x),
    isLog,
  );
  if (props.showDiagonal) {
    // Both axes on one scale, so the diagonal means "the same on both".
    [x0, y0] = [Math.min(x0, y0), Math.min(x0, y0)];
    [x1, y1] = [Math.max(x1, y1), Math.max(x1, y1)];
  }
  const x = isLog
    ? scaleLog().domain([x0, x1]).range([plot.left, plot.right]).nice()
    : scaleLinear().domain([x0, x1]).range([plot.left, plot.right]).nice(TICKS);
  const y = scaleLinear().domain([y0, y1]).range([plot.bottom, plot.top]).nice(TICKS);
  // A log axis labels its powers of ten only; d3 offers every 1-9 multiple in between.
  const xTicks = isLog ? x.ticks().filter((tick) => Number.isInteger(Math.log10(tick))) : x.ticks(TICKS);
  const yTicks = y.ticks(TICKS);
  const frontier = props.showFrontier ? points.filter((point) => point.isFrontier).sort((a, b) => a.x - b.x) : [];
  const frontierPath = line<ScatterPoint>()
    .x((point) => x(point.x))
    .y((point) => y(point.y))
    .curve(curveStepAfter)(frontier);
  const tips: ChartTip[] = points.map((point) => ({
    x: x(point.x),
    y: y(point.y),
    lines: [point.label, point.detail],
  }));
  const [d0, d1] = y.domain() as [number, number];

  return (
    <figure className="chart" data-testid={props.testId ?? 'scatter-chart'}>
      <HoverTips width={WIDTH} height={HEIGHT} title={props.title} tips={tips}>
        {xTicks.map((tick) => (
          <g key={`x${tick}`}>
            <line className="chart__grid" x1={x(tick)} x2={x(tick)} y1={plot.top} y2={plot.bottom} />
            <text className="chart__tick" x={x(tick)} y={plot.bottom + 16} textAnchor="middle">
              {props.formatX(tick)}
            </text>
          </g>
        ))}
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line className="chart__grid" x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} />
            <text className="chart__tick" x={plot.left - 6} y={y(tick) + 4} textAnchor="end">
              {props.formatY(tick)}
            </text>
          </g>
        ))}
        {props.showDiagonal ? (
          <line className="chart__diagonal" x1={x(d0)} y1={y(d0)} x2={x(d1)} y2={y(d1)}>
            <title>Same accuracy on both</title>
          </line>
        ) : null}
        {frontier.length > 1 && frontierPath ? (
          <path className="chart__frontier" d={frontierPath} data-testid="chart-frontier" />
        ) : null}
        {points.map((point, index) => (
          <a key={point.id} href={point.href} data-testid="chart-point" data-tip={index} aria-label={point.label}>
            <circle
              className={`chart__point${point.isBaseline ? ' chart__point--baseline' : ''}${point.isFrontier ? ' chart__point--frontier' : ''}`}
              cx={x(point.x).toFixed(1)}
              cy={y(point.y).toFixed(1)}
              r={point.isFrontier ? 5 : 4}
            >
              <title>{`${point.label}\n${point.detail}`}</title>
            </circle>
          </a>
        ))}
        <text className="chart__axis-label" x={(plot.left + plot.right) / 2} y={HEIGHT - 8} textAnchor="middle">
          {props.xLabel}
        </text>
        <text
          className="chart__axis-label"
          x={14}
          y={(plot.top + plot.bottom) / 2}
          textAnchor="middle"
          transform={`rotate(-90 14 ${(plot.top + plot.bottom) / 2})`}
        >
          {props.yLabel}
        </text>
      </HoverTips>
    </figure>
  );
}
