const ROW_HEIGHT = 22;
const LABEL_WIDTH = 110;
const CHART_WIDTH = 640;
const VALUE_WIDTH = 60;

export type ChartSeries = { name: string; values: number[] };

type Props = { classNames: readonly string[]; series: ChartSeries[]; title: string };

/**
 * Accuracy per class as horizontal bars, one group per class and one bar per series (model).
 * Server-rendered SVG: the page's CSP forbids inline styles, so colours come from classes.
 */
export function ClassAccuracyChart({ classNames, series, title }: Props) {
  const barHeight = Math.max(6, Math.floor((ROW_HEIGHT - 4) / Math.max(1, series.length)));
  const groupHeight = barHeight * series.length + 8;
  const height = groupHeight * classNames.length + 24;
  const plotWidth = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return (
    <figure className="chart" data-testid="class-accuracy-chart">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={title} className="chart__svg">
        <title>{title}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line
              className="chart__grid"
              x1={LABEL_WIDTH + tick * plotWidth}
              x2={LABEL_WIDTH + tick * plotWidth}
              y1={0}
              y2={height - 20}
            />
            <text className="chart__tick" x={LABEL_WIDTH + tick * plotWidth} y={height - 6} textAnchor="middle">
              {`${tick * 100}%`}
            </text>
          </g>
        ))}
        {classNames.map((name, classIndex) => {
          const top = classIndex * groupHeight + 4;
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
                const y = top + seriesIndex * barHeight;
                return (
                  <g key={entry.name}>
                    <rect
                      className={`chart__bar chart__series-${seriesIndex}`}
                      x={LABEL_WIDTH}
                      y={y}
                      width={Math.max(0, Math.min(1, value)) * plotWidth}
                      height={barHeight - 1}
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
