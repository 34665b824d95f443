import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 32, left: 44 };

export type OutcomeBucket = { start: Date; scored: number; modelFailures: number; platformFailures: number };

type Props = {
  buckets: OutcomeBucket[];
  title: string;
  /** Label under every `labelEvery`-th bar. */
  labelEvery: number;
  formatLabel: (start: Date) => string;
  testId?: string;
};

const SERIES = [
  { key: 'scored', label: 'Scored', className: 'chart__outcome--scored' },
  { key: 'modelFailures', label: 'Failed (model)', className: 'chart__outcome--model' },
  { key: 'platformFailures', label: 'Failed (platform)', className: 'chart__outcome--platform' },
] as const;

/**
 * Finished submissions per time bucket as stacked bars (scored, model failures, platform
 * failures): throughput and failures in one picture. Laid out with d3's stack and band/linear
 * scales on the server; colours from CSS classes.
 */
export function OutcomeBarChart({ buckets, title, labelEvery, formatLabel, testId }: Props) {
  const layers = stack<OutcomeBucket>().keys(SERIES.map((series) => series.key))(buckets);
  const max = Math.max(1, ...buckets.map((b) => b.scored + b.modelFailures + b.platformFailures));
  const x = scaleBand<number>()
    .domain(buckets.map((_, index) => index))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, max])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice(4);
  // Counts: whole-number ticks only.
  const ticks = y.ticks(Math.min(4, max)).filter(Number.isInteger);

  return (
    <figure className="chart" data-testid={testId ?? 'outcome-chart'}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="chart__svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="chart__tick">
              {tick}
            </text>
          </g>
        ))}
        {buckets.map((bucket, index) => {
          const left = x(index) ?? 0;
          return (
            <g key={bucket.start.toISOString()}>
              <title>
                {`${formatLabel(bucket.start)}: ${bucket.scored} scored, ${bucket.modelFailures} model failures, ${bucket.platformFailures} platform failures`}
              </title>
              {layers.map((layer, seriesIndex) => {
                const [low, high] = layer[index] ?? [0, 0];
                if (high === low) return null;
                return (
                  <rect
                    key={layer.key}
                    x={left}
                    y={y(high)}
                    width={x.bandwidth()}
                    height={y(low) - y(high)}
                    className={SERIES[seriesIndex]?.className}
                  />
                );
              })}
              {index % labelEvery === 0 ? (
                <text
                  x={left + x.bandwidth() / 2}
                  y={HEIGHT - MARGIN.bottom + 16}
                  textAnchor="middle"
                  className="chart__tick"
                >
                  {formatLabel(bucket.start)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {SERIES.map((series) => (
          <span key={series.key} className="chart__legend-item">
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" className={series.className} />
            </svg>{' '}
            {series.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
