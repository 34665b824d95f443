import type { LeaderboardEntry } from '@tenfold/boards';
import { DATASET_IDS, type DatasetId, getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ScatterChart, type ScatterPoint } from '@/components/charts/scatter-chart';
import { formatCompact, formatCount, formatPercent } from '@/lib/format';
import { getCachedPageDb } from '@/server/db';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';
import { findParetoFrontier } from '@/server/stats/find-pareto-frontier';

export const metadata: Metadata = { title: 'Trade-offs' };

type Props = { searchParams: Promise<{ dataset?: string | string[] }> };

/** Points for one cost axis, the Pareto-optimal ones marked; entries without that cost are left out. */
function toPoints(
  entries: LeaderboardEntry[],
  cost: (entry: LeaderboardEntry) => number | null,
  describe: (value: number) => string,
): ScatterPoint[] {
  const known = entries.flatMap((entry) => {
    const value = cost(entry);
    return value !== null && value > 0 ? [{ entry, value }] : [];
  });
  const frontier = findParetoFrontier(
    known.map(({ entry, value }) => ({ id: entry.modelId, cost: value, accuracy: entry.accuracy })),
  );
  return known.map(({ entry, value }) => ({
    id: entry.modelId,
    label: entry.modelName,
    detail: `${formatPercent(entry.accuracy)} · ${describe(value)}${frontier.has(entry.modelId) ? ' · on the frontier' : ''}`,
    x: value,
    y: entry.accuracy,
    href: `/models/${entry.modelId}`,
    isBaseline: entry.isBaseline,
    isFrontier: frontier.has(entry.modelId),
  }));
}

export default async function TradeOffsPage({ searchParams }: Props) {
  const datasetParam = (await searchParams).dataset;
  const requested = Array.isArray(datasetParam) ? datasetParam[0] : datasetParam;
  const datasetId: DatasetId = requested && isDatasetId(requested) ? requested : 'mnist';
  const dataset = getDatasetInfo(datasetId);
  const entries = await getCachedLeaderboard(getCachedPageDb(), datasetId);
  const byParameters = toPoints(
    entries,
    (entry) => entry.parameterCount,
    (value) => `${formatCount(value)} parameters`,
  );
  const byLatency = toPoints(
    entries,
    (entry) => entry.meanLatencyMs,
    (value) => `${value.toFixed(3)} ms per image`,
  );
  const frontierModels = byParameters.filter((point) => point.isFrontier).sort((a, b) => a.x - b.x);

  return (
    <>
      <section className="dataset-header">
        <p className="eyebrow">Analysis</p>
        <h1>Trade-offs on {dataset.name}</h1>
        <p className="lead">
          Accuracy against model size and speed. The red line joins the Pareto frontier: models that nothing smaller (or
          faster) beats on accuracy.
        </p>
        <nav className="tabs" aria-label="Dataset">
          {DATASET_IDS.map((id) => (
            <Link
              key={id}
              href={`/trade-offs?dataset=${id}`}
              className="tabs__tab"
              aria-current={id === datasetId ? 'page' : undefined}
            >
              {getDatasetInfo(id).name}
            </Link>
          ))}
        </nav>
      </section>
      {entries.length === 0 ? (
        <p className="empty">No model has been scored on {dataset.name} yet.</p>
      ) : (
        <>
          <section className="card" aria-labelledby="params-heading">
            <h2 id="params-heading">Accuracy against parameters</h2>
            <ScatterChart
              testId="trade-off-parameters"
              title={`Accuracy against parameter count on ${dataset.name}`}
              xLabel="Parameters (log scale)"
              yLabel="Accuracy"
              xScale="log"
              formatX={formatCompact}
              formatY={(value) => formatPercent(value, 1)}
              showFrontier
              points={byParameters}
            />
            {frontierModels.length > 0 ? (
              <p className="small" data-testid="frontier-list">
                On the frontier:{' '}
                {frontierModels.map((point, index) => (
                  <span key={point.id}>
                    {index > 0 ? ', ' : ''}
                    <Link href={point.href}>{point.label}</Link> ({formatCompact(point.x)}, {formatPercent(point.y)})
                  </span>
                ))}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="latency-heading">
            <h2 id="latency-heading">Accuracy against latency</h2>
            <p className="muted small">
              Mean time per image while scoring, on the scoring worker&apos;s CPU; comparable between models scored on
              the same machine.
            </p>
            <ScatterChart
              testId="trade-off-latency"
              title={`Accuracy against latency on ${dataset.name}`}
              xLabel="Mean latency per image, ms (log scale)"
              yLabel="Accuracy"
              xScale="log"
              formatX={(value) => String(Number(value.toPrecision(2)))}
              formatY={(value) => formatPercent(value, 1)}
              showFrontier
              points={byLatency}
            />
          </section>
        </>
      )}
    </>
  );
}
