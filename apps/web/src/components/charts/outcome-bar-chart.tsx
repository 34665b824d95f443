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
 * failures): throughput and failures in one picture. Server-rendered SVG, colours from CSS classes.
 */
export function OutcomeBarChart({ buckets, title, labelEvery, formatLabel, testId }: Props) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = buckets.map((b) => b.scored + b.modelFailures + b.platformFailures);
  const max = Math.max(1, ...totals);
  const step = plotWidth / Math.max(1, buckets.length);
  const barWidth = Math.max(1, step * 0.8);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  // Whole numbers only: every count up to 4, else about four steps.
  const tickStep = max <= 4 ? 1 : Math.ceil(max / 4);
  const ticks = Array.from({ length: Math.floor(max / tickStep) + 1 }, (_, i) => i * tickStep);

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
          const x = MARGIN.left + index * step + (step - barWidth) / 2;
          let base = 0;
          return (
            <g key={bucket.start.toISOString()}>
              <title>
                {`${formatLabel(bucket.start)}: ${bucket.scored} scored, ${bucket.modelFailures} model failures, ${bucket.platformFailures} platform failures`}
              </title>
              {SERIES.map((series) => {
                const value = bucket[series.key];
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect key={series.key} x={x} y={top} width={barWidth} height={height} className={series.className} />
                );
              })}
              {index % labelEvery === 0 ? (
                <text x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="chart__tick">
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
