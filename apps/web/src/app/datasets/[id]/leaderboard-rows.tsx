'use client';

import { useState } from 'react';
import { Bar } from '@/components/bar';
import type { LeaderboardRow } from './leaderboard-row.ts';

/** The leaderboard's body rows; see leaderboard-row.ts for why this is a client component. */
export function LeaderboardRows({ rows, maxCompared }: { rows: LeaderboardRow[]; maxCompared: number }) {
  // Compare takes at most `maxCompared` models: once that many are ticked the other boxes say so
  // and wait, instead of a longer list being cut silently on the compare page.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const isFull = ticked.size >= maxCompared;
  const toggle = (modelId: string, isChecked: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (isChecked) next.add(modelId);
      else next.delete(modelId);
      return next;
    });
  return (
    <tbody>
      {rows.map((row) => (
        <tr
          key={row.modelId}
          id={`entry-${row.modelId}`}
          data-testid="leaderboard-row"
          data-rank={row.rank}
          data-model-id={row.modelId}
        >
          <td className="rank" data-testid="leaderboard-rank">
            {row.rank}
            {row.tied ? (
              <span className="tie" title="Not significantly different from the model above" data-testid="tie">
                {' ='}
              </span>
            ) : null}
          </td>
          <td className="cell-name">
            <a href={`/models/${row.modelId}`} className="strong-link" data-testid="leaderboard-model">
              {row.modelName}
            </a>
            {row.baseline ? <span className="badge badge--baseline">Baseline</span> : null}
            {/* On a phone the columns that do not fit are told under the name, so each row reads as a list item. */}
            <div className="muted small show-narrow leaderboard__meta">
              <span className="truncate" title={row.submitter}>
                {row.submitter}
              </span>
              {[row.date, row.format, row.parameters === '—' ? null : `${row.parameters} params`]
                .filter(Boolean)
                .join(' · ')}
            </div>
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
            <div className="muted small hide-narrow" title="95% confidence interval">
              {row.interval}
            </div>
          </td>
          <td className="hide-narrow bar-col">
            <Bar value={row.share} />
          </td>
          <td className="num hide-narrow">{row.parameters}</td>
          <td className="num hide-narrow">{row.size}</td>
          <td className="num hide-narrow">{row.latency}</td>
          <td className="hide-narrow">
            <span className="truncate" title={row.submitter}>
              {row.submitter}
            </span>
          </td>
          <td className="hide-narrow muted nowrap">
            <a href={`/submissions/${row.submissionId}`}>{row.date}</a>
          </td>
          <td className="hide-narrow nowrap">{row.format}</td>
          <td className="check">
            {/* Belongs to the compare form above the table (the `form` attribute), so no script is needed. */}
            <input
              type="checkbox"
              name="m"
              value={row.modelId}
              form="compare-form"
              aria-label={`Compare ${row.modelName}`}
              data-testid="compare-checkbox"
              onChange={(event) => toggle(row.modelId, event.currentTarget.checked)}
              disabled={isFull && !ticked.has(row.modelId)}
              title={
                isFull && !ticked.has(row.modelId)
                  ? `Compare takes at most ${maxCompared} models: untick one to pick this one`
                  : undefined
              }
            />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
