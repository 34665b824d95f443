'use client';

import { Bar } from '@/components/bar';
import type { LeaderboardRow } from './leaderboard-row.ts';

/** The leaderboard's body rows; see leaderboard-row.ts for why this is a client component. */
export function LeaderboardRows({ rows }: { rows: LeaderboardRow[] }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.modelId} data-testid="leaderboard-row" data-rank={row.rank} data-model-id={row.modelId}>
          <td className="rank" data-testid="leaderboard-rank">
            {row.rank}
            {row.tied ? (
              <span className="tie" title="Not significantly different from the model above" data-testid="tie">
                {' '}
                =
              </span>
            ) : null}
          </td>
          <td>
            <a href={`/models/${row.modelId}`} className="strong-link" data-testid="leaderboard-model">
              {row.modelName}
            </a>
            {row.baseline ? <span className="badge badge--baseline">Baseline</span> : null}
            {row.staleScorer ? (
              <span
                className="badge badge--stale"
                title={`Scored by scorer ${row.staleScorer}, older than the current one; awaiting a rescore`}
                data-testid="stale-scorer"
              >
                {`scorer ${row.staleScorer}`}
              </span>
            ) : null}
          </td>
          <td className="num">
            <span data-testid="leaderboard-accuracy">{row.accuracy}</span>
            <div className="muted small" title="95% confidence interval">
              {row.interval}
            </div>
          </td>
          <td className="hide-narrow bar-col">
            <Bar value={row.share} />
          </td>
          <td className="num hide-narrow">{row.parameters}</td>
          <td className="num hide-narrow">{row.size}</td>
          <td className="num hide-narrow">{row.latency}</td>
          <td className="hide-narrow">{row.submitter}</td>
          <td className="hide-narrow muted">
            <a href={`/submissions/${row.submissionId}`}>{row.date}</a>
          </td>
          <td className="hide-narrow">{row.format}</td>
          <td className="hide-narrow">
            {/* Belongs to the compare form above the table (the `form` attribute), so no script is needed. */}
            <input
              type="checkbox"
              name="m"
              value={row.modelId}
              form="compare-form"
              aria-label={`Compare ${row.modelName}`}
              data-testid="compare-checkbox"
            />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
