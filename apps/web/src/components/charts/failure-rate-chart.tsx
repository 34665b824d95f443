import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { OutcomeBucket } from './outcome-bar-chart.tsx';

const WIDTH = 640;
const HEIGHT = 180;
const MARGIN = { top: 12, right: 12, bottom: 32, left: 44 };

type Props = {
  buckets: OutcomeBucket[];
  title: string;
  labelEvery: number;
  formatLabel: (start: Date) => string;
  testId?: string;
};

/**
 * Share of finished submissions that failed, per bucket, one line for the model's fault and one
 * for the platform's; buckets with nothing finished leave a gap instead of a fake zero (d3's
 * line generator with `defined`).
 */
export function FailureRateChart({ buckets, title, labelEvery, formatLabel, testId }: Props) {
  const x = scalePoint<number>()
    .domain(buckets.map((_, index) => index))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const total = (bucket: OutcomeBucket) => bucket.scored + bucket.modelFailures + bucket.platformFailures;
  const path = (pick: (bucket: OutcomeBucket) => number) =>
    line<OutcomeBucket>()
      .defined((bucket) => total(bucket) > 0)
      .x((_, index) => x(index) ?? 0)
      .y((bucket) => y(pick(bucket) / total(bucket)))(buckets) ?? '';
  // A bucket between two gaps draws no segment: a dot shows it.
  const isolated = (index: number) =>
    total(buckets[index] as OutcomeBucket) > 0 &&
    !(index > 0 && total(buckets[index - 1] as OutcomeBucket) > 0) &&
    !(index < buckets.length - 1 && total(buckets[index + 1] as OutcomeBucket) > 0);
  const series = [
    {
      key: 'model',
      className: 'chart__rate--model',
      label: 'Model failures',
      pick: (b: OutcomeBucket) => b.modelFailures,
    },
    {
      key: 'platform',
      className: 'chart__rate--platform',
      label: 'Platform failures',
      pick: (b: OutcomeBucket) => b.platformFailures,
    },
  ];

  return (
    <figure className="chart" data-testid={testId ?? 'failure-rate-chart'}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="chart__svg">
        {y.ticks(2).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="chart__tick">
              {`${Math.round(tick * 100)}%`}
            </text>
          </g>
        ))}
        {buckets.map((bucket, index) =>
          index % labelEvery === 0 ? (
            <text
              key={bucket.start.toISOString()}
              x={x(index)}
              y={HEIGHT - MARGIN.bottom + 16}
              textAnchor="middle"
              className="chart__tick"
            >
              {formatLabel(bucket.start)}
            </text>
          ) : null,
        )}
        {series.map((entry) => (
          <g key={entry.key}>
            <path d={path(entry.pick)} className={entry.className} />
            {buckets.map((bucket, index) =>
              isolated(index) ? (
                <circle
                  key={bucket.start.toISOString()}
                  cx={x(index)}
                  cy={y(entry.pick(bucket) / total(bucket))}
                  r={2.5}
                  className={`${entry.className} chart__rate-dot`}
                />
              ) : null,
            )}
          </g>
        ))}
      </svg>
      <figcaption className="chart__legend">
        {series.map((line) => (
          <span key={line.key} className="chart__legend-item">
            <svg width="14" height="10" aria-hidden="true">
              <line x1="0" x2="14" y1="5" y2="5" className={line.className} />
            </svg>{' '}
            {line.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
