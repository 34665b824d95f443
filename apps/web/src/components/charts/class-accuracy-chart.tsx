import { scaleBand, scaleLinear } from 'd3-scale';
import { AxisBreak } from './axis-break.tsx';
import { zoomAccuracyAxis } from './zoom-accuracy-axis.ts';

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 110;
const CHART_WIDTH = 640;
const VALUE_WIDTH = 60;
const AXIS_HEIGHT = 24;

type Props = { classNames: readonly string[]; values: readonly number[]; title: string };

/**
 * One model's accuracy per class as horizontal bars on an axis zoomed to its weakest class
 * (zoom-accuracy-axis.ts), the break in the axis marked, each bar's value beside it. Server-rendered
 * SVG laid out with d3's scales: the page's CSP forbids inline styles, so colours come from classes.
 */
export function ClassAccuracyChart({ classNames, values, title }: Props) {
  const axis = zoomAccuracyAxis(values);
  const height = ROW_HEIGHT * classNames.length + AXIS_HEIGHT;
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = scaleLinear()
    .domain([axis.start, 1])
    .range([LABEL_WIDTH, LABEL_WIDTH + plotWidth])
    .clamp(true);
  const row = scaleBand<number>()
    .domain(classNames.map((_, index) => index))
    .range([0, ROW_HEIGHT * classNames.length])
    .padding(0.2);
  const axisY = height - AXIS_HEIGHT + 2;
  return (
    <figure className="chart" data-testid="class-accuracy-chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={title} className="chart__svg">
        <title>{title}</title>
        {x.ticks(5).map((tick) => (
          <g key={tick}>
            <line className="chart__grid" x1={x(tick)} x2={x(tick)} y1={0} y2={axisY} />
            <text className="chart__tick" x={x(tick)} y={height - 6} textAnchor="middle">
              {`${Math.round(tick * 1000) / 10}%`}
            </text>
          </g>
        ))}
        <line className="chart__axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH + plotWidth} y1={axisY} y2={axisY} />
        {axis.isBroken ? <AxisBreak x={LABEL_WIDTH} y={axisY} start={axis.start} /> : null}
        {classNames.map((name, classIndex) => {
          const value = values[classIndex] ?? 0;
          const y = row(classIndex) ?? 0;
          return (
            <g key={name}>
              <text className="chart__label" x={LABEL_WIDTH - 8} y={y + row.bandwidth() / 2 + 4} textAnchor="end">
                {name}
              </text>
              <rect
                className="chart__bar chart__series-0"
                x={LABEL_WIDTH}
                y={y}
                width={Math.max(1, x(value) - LABEL_WIDTH)}
                height={row.bandwidth()}
              >
                <title>{`${name}: ${(value * 100).toFixed(2)}%`}</title>
              </rect>
              <text className="chart__value" x={LABEL_WIDTH + plotWidth + 6} y={y + row.bandwidth() / 2 + 4}>
                {`${(value * 100).toFixed(1)}%`}
              </text>
            </g>
          );
        })}
      </svg>
      {axis.isBroken ? (
        <figcaption className="muted small">
          {`The axis starts at ${Math.round(axis.start * 100)} % (the zigzag on the axis), so small differences between classes show.`}
        </figcaption>
      ) : null}
    </figure>
  );
}
