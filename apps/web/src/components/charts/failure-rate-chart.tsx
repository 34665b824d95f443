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
 * for the platform's; buckets with nothing finished leave a gap instead of a fake zero.
 */
export function FailureRateChart({ buckets, title, labelEvery, formatLabel, testId }: Props) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / Math.max(1, buckets.length);
  const x = (index: number) => MARGIN.left + index * step + step / 2;
  const y = (rate: number) => MARGIN.top + plotHeight - rate * plotHeight;

  function segments(pick: (bucket: OutcomeBucket) => number): string[] {
    const lines: string[] = [];
    let current: string[] = [];
    buckets.forEach((bucket, index) => {
      const total = bucket.scored + bucket.modelFailures + bucket.platformFailures;
      if (total === 0) {
        if (current.length) lines.push(current.join(' '));
        current = [];
        return;
      }
      current.push(`${x(index).toFixed(1)},${y(pick(bucket) / total).toFixed(1)}`);
    });
    if (current.length) lines.push(current.join(' '));
    return lines;
  }

  const series = [
    { key: 'model', className: 'chart__rate--model', label: 'Model failures', lines: segments((b) => b.modelFailures) },
    {
      key: 'platform',
      className: 'chart__rate--platform',
      label: 'Platform failures',
      lines: segments((b) => b.platformFailures),
    },
  ];

  return (
    <figure className="chart" data-testid={testId ?? 'failure-rate-chart'}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="chart__svg">
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="chart__tick">
              {tick * 100}%
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
        {series.map((line) =>
          line.lines.map((points) =>
            points.includes(' ') ? (
              <polyline key={`${line.key}-${points}`} points={points} className={line.className} />
            ) : (
              <circle
                key={`${line.key}-${points}`}
                cx={points.split(',')[0]}
                cy={points.split(',')[1]}
                r={2.5}
                className={`${line.className} chart__rate-dot`}
              />
            ),
          ),
        )}
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
