import { scaleBand, scaleLinear } from 'd3-scale';

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 110;
const CHART_WIDTH = 640;
const VALUE_WIDTH = 60;

export type ChartSeries = { name: string; values: number[] };

type Props = { classNames: readonly string[]; series: ChartSeries[]; title: string };

/**
 * Accuracy per class as horizontal bars, one group per class and one bar per series (model),
 * laid out with d3's band and linear scales. Server-rendered SVG: the page's CSP forbids inline
 * styles, so colours come from classes.
 */
export function ClassAccuracyChart({ classNames, series, title }: Props) {
  const barHeight = Math.max(6, Math.floor((ROW_HEIGHT - 4) / Math.max(1, series.length)));
  const groupHeight = barHeight * series.length + 8;
  const height = groupHeight * classNames.length + 24;
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = scaleLinear()
    .domain([0, 1])
    .range([LABEL_WIDTH, LABEL_WIDTH + plotWidth])
    .clamp(true);
  const group = scaleBand<number>()
    .domain(classNames.map((_, index) => index))
    .range([4, 4 + groupHeight * classNames.length])
    .paddingInner(8 / groupHeight);
  const bar = scaleBand<number>()
    .domain(series.map((_, index) => index))
    .range([0, barHeight * series.length]);
  return (
    <figure className="chart" data-testid="class-accuracy-chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={title} className="chart__svg">
        <title>{title}</title>
        {x.ticks(4).map((tick) => (
          <g key={tick}>
            <line className="chart__grid" x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} />
            <text className="chart__tick" x={x(tick)} y={height - 6} textAnchor="middle">
              {`${Math.round(tick * 100)}%`}
            </text>
          </g>
        ))}
        {classNames.map((name, classIndex) => {
          const top = group(classIndex) ?? 0;
          return (
            <g key={name}>
              <text
                className="chart__label"
                x={LABEL_WIDTH - 8}
                y={top + (barHeight * series.length) / 2 + 4}
                textAnchor="end"
              >
                {name}
              </text>
              {series.map((entry, seriesIndex) => {
                const value = entry.values[classIndex] ?? 0;
                const y = top + (bar(seriesIndex) ?? 0);
                return (
                  <g key={entry.name}>
                    <rect
                      className={`chart__bar chart__series-${seriesIndex}`}
                      x={LABEL_WIDTH}
                      y={y}
                      width={x(value) - LABEL_WIDTH}
                      height={bar.bandwidth() - 1}
                    >
                      <title>{`${entry.name} · ${name}: ${(value * 100).toFixed(2)}%`}</title>
                    </rect>
                    <text className="chart__value" x={LABEL_WIDTH + plotWidth + 4} y={y + barHeight - 2}>
                      {`${(value * 100).toFixed(1)}%`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption className="chart__legend">
          {series.map((entry, index) => (
            <span key={entry.name} className="chart__legend-item">
              <svg width="12" height="12" aria-hidden="true">
                <rect className={`chart__series-${index}`} width="12" height="12" />
              </svg>{' '}
              {entry.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
