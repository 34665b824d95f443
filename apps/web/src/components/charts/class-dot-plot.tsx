import { scaleBand, scaleLinear } from 'd3-scale';
import { AxisBreak } from './axis-break.tsx';
import { zoomAccuracyAxis } from './zoom-accuracy-axis.ts';

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 110;
const CHART_WIDTH = 640;
const RIGHT_MARGIN = 16;
const AXIS_HEIGHT = 24;

export type DotSeries = { name: string; values: readonly number[] };

type Props = { classNames: readonly string[]; series: readonly DotSeries[]; title: string };

/**
 * Accuracy per class of several models as a dot plot: one row per class, one dot per model on
 * a line from the lowest to the highest, on an axis zoomed to the weakest class. Each model has
 * its own lane in the row, so dots of equal values sit side by side rather than on each other;
 * values show on hover (and in the table beside the chart), never as labels that would collide.
 */
export function ClassDotPlot({ classNames, series, title }: Props) {
  const axis = zoomAccuracyAxis(series.flatMap((entry) => entry.values));
  const height = ROW_HEIGHT * classNames.length + AXIS_HEIGHT;
  const x = scaleLinear()
    .domain([axis.start, 1])
    .range([LABEL_WIDTH, CHART_WIDTH - RIGHT_MARGIN])
    .clamp(true);
  const row = scaleBand<number>()
    .domain(classNames.map((_, index) => index))
    .range([0, ROW_HEIGHT * classNames.length])
    .padding(0.15);
  const lane = scaleBand<number>()
    .domain(series.map((_, index) => index))
    .range([0, row.bandwidth()])
    .padding(0.2);
  const axisY = height - AXIS_HEIGHT + 2;
  return (
    <figure className="chart" data-testid="class-dot-plot">
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
        <line className="chart__axis" x1={LABEL_WIDTH} x2={CHART_WIDTH - RIGHT_MARGIN} y1={axisY} y2={axisY} />
        {axis.isBroken ? <AxisBreak x={LABEL_WIDTH} y={axisY} start={axis.start} /> : null}
        {classNames.map((name, classIndex) => {
          const top = row(classIndex) ?? 0;
          const values = series.map((entry) => entry.values[classIndex] ?? 0);
          return (
            <g key={name} data-testid="dot-plot-row">
              <text className="chart__label" x={LABEL_WIDTH - 8} y={top + row.bandwidth() / 2 + 4} textAnchor="end">
                {name}
              </text>
              <line
                className="chart__range"
                x1={x(Math.min(...values))}
                x2={x(Math.max(...values))}
                y1={top + row.bandwidth() / 2}
                y2={top + row.bandwidth() / 2}
              />
              {series.map((entry, seriesIndex) => {
                const value = values[seriesIndex] ?? 0;
                return (
                  <circle
                    key={entry.name}
                    className={`chart__dot chart__series-${seriesIndex}`}
                    cx={x(value)}
                    cy={top + (lane(seriesIndex) ?? 0) + lane.bandwidth() / 2}
                    r={Math.min(5, Math.max(3, lane.bandwidth() / 2 + 1))}
                    data-testid="dot-plot-dot"
                  >
                    <title>{`${entry.name} · ${name}: ${(value * 100).toFixed(2)}%`}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {series.map((entry, index) => (
          <span key={entry.name} className="chart__legend-item">
            <svg width="12" height="12" aria-hidden="true">
              <circle className={`chart__series-${index}`} cx="6" cy="6" r="5" />
            </svg>{' '}
            {entry.name}
          </span>
        ))}
        {axis.isBroken ? (
          <span className="muted small">{`Axis starts at ${Math.round(axis.start * 100)} % (the zigzag on the axis). Hover a dot for its value.`}</span>
        ) : (
          <span className="muted small">Hover a dot for its value.</span>
        )}
      </figcaption>
    </figure>
  );
}
