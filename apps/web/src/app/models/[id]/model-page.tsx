import { DATASET_IDS, type DatasetId, getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ModerationNotice } from '@/components/admin/moderation-notice';
import { CellExamples } from '@/components/cell-examples';
import { ClassAccuracyChart } from '@/components/charts/class-accuracy-chart';
import { ConfusionHeatmap } from '@/components/confusion-heatmap';
import { ContrastImages } from '@/components/consensus/contrast-images';
import { getEnv } from '@/env';
import { formatBytes, formatCount, formatPercent } from '@/lib/format';
import { getModelModeration } from '@/server/admin/get-moderation-notices';
import { parseCell } from '@/server/analysis/parse-cell';
import { pickBestSubmission } from '@/server/analysis/pick-best-submission';
import type { Viewer } from '@/server/auth/get-viewer';
import { isResourceId } from '@/server/http/is-resource-id';
import { getCellExamples } from '@/server/queries/get-cell-examples';
import { getModel } from '@/server/queries/get-model';
import { getModelConsensusContrast } from '@/server/queries/get-model-consensus-contrast';
import { ModelHistory } from './model-history.tsx';

type ModelQuery = { dataset?: string | string[]; cell?: string | string[] };

/** The model as `viewer` may see it (null: an anonymous visitor, as on the cached page). */

/**
 * The badge as a README embeds it: absolute URLs (a relative one is a broken image on GitHub),
 * the image linking to the model's page.
 */
function badgeMarkdown(appUrl: string, modelId: string, datasetId: string): string {
  const base = appUrl.replace(/\/+$/, '');
  return `[![Tenfold rank](${base}/api/models/${modelId}/badge.svg?dataset=${datasetId})](${base}/models/${modelId}?dataset=${datasetId})`;
}

export const loadModel = cache(async (db: Db, id: string, viewer: Viewer | null) =>
  isResourceId(id) ? getModel(db, id, viewer) : null,
);

/**
 * A model's page. Anonymous visitors get it from the page cache (`public/[view]/page.tsx`,
 * viewer null); a signed-in visitor's is rendered per request (`page.tsx`), since it may show
 * their private model or a moderation notice.
 */
export async function ModelPage({
  db,
  id,
  query,
  viewer,
}: {
  db: Db;
  id: string;
  query: ModelQuery;
  viewer: Viewer | null;
}) {
  const model = await loadModel(db, id, viewer);
  if (!model) notFound();
  const withResults = DATASET_IDS.filter((id) => model.submissions.some((s) => s.datasetId === id && s.evaluation));
  const requested = Array.isArray(query.dataset) ? query.dataset[0] : query.dataset;
  const datasetId: DatasetId =
    requested && isDatasetId(requested) ? requested : (withResults[0] ?? model.submissions[0]?.datasetId ?? 'mnist');
  const dataset = getDatasetInfo(datasetId);
  const submissions = model.submissions.filter((s) => s.datasetId === datasetId);
  const best = pickBestSubmission(submissions);
  const cell = best ? parseCell(query.cell) : null;
  const cellIndexes = best && cell ? await getCellExamples(db, best.id, viewer, cell) : null;
  const datasetHref = (id: DatasetId) => `/models/${model.id}?dataset=${id}`;
  const moderation = viewer ? await getModelModeration(db, model.id) : null;
  const isAdmin = viewer?.role === 'ADMIN';
  const canSeeModeration = moderation !== null && (isAdmin || viewer?.userId === moderation.ownerId);
  const contrast = best ? await getModelConsensusContrast(db, model.id, datasetId) : null;

  return (
    <>
      <section className="submission-header">
        <p className="eyebrow">Model</p>
        <h1 data-testid="model-name">
          {model.name}
          {model.isBaseline ? <span className="badge badge--baseline">Baseline</span> : null}
        </h1>
        <p className="muted">by {model.ownerName}</p>
        {model.description ? <p>{model.description}</p> : null}
        {canSeeModeration ? <ModerationNotice notice={moderation.notice} what="This model" /> : null}
        {isAdmin ? (
          <p className="small">
            <Link href={`/admin/models?q=${model.id}`} data-testid="moderate-model">
              Moderate this model
            </Link>
          </p>
        ) : null}
        {model.isPublic ? null : (
          <p className="muted small">
            <span className="badge badge--private">Private</span> Only its owner and admins can see this model.
          </p>
        )}
        <nav className="tabs" aria-label="Dataset">
          {DATASET_IDS.map((id) => (
            <Link
              key={id}
              href={datasetHref(id)}
              className="tabs__tab"
              aria-current={id === datasetId ? 'page' : undefined}
              data-testid={`dataset-tab-${id}`}
            >
              {getDatasetInfo(id).name}
            </Link>
          ))}
        </nav>
      </section>

      {best ? (
        <>
          <section className="card" aria-labelledby="best-heading">
            <h2 id="best-heading">Best result on {dataset.name}</h2>
            <dl className="metrics">
              <div className="metric metric--primary">
                <dt>Accuracy</dt>
                <dd data-testid="accuracy">{formatPercent(best.evaluation.accuracy)}</dd>
              </div>
              <div className="metric">
                <dt>95% interval</dt>
                <dd>
                  {formatPercent(best.evaluation.accuracyCiLow)} – {formatPercent(best.evaluation.accuracyCiHigh)}
                </dd>
              </div>
              <div className="metric">
                <dt>Parameters</dt>
                <dd>{best.evaluation.parameterCount === null ? '—' : formatCount(best.evaluation.parameterCount)}</dd>
              </div>
              <div className="metric">
                <dt>File size</dt>
                <dd>{formatBytes(best.evaluation.artifactBytes)}</dd>
              </div>
              <div className="metric">
                <dt>Latency</dt>
                <dd>{best.evaluation.meanLatencyMs.toFixed(3)} ms</dd>
              </div>
            </dl>
            <p className="muted small">
              From <Link href={`/submissions/${best.id}`}>this submission</Link>.{' '}
              {model.isPublic ? (
                <>
                  README badge (Markdown):{' '}
                  <code className="mono break-anywhere" data-testid="badge-markdown">
                    {badgeMarkdown(getEnv().APP_URL, model.id, datasetId)}
                  </code>{' '}
                  {/* biome-ignore lint/performance/noImgElement: an SVG from our own route, shown as a README would. */}
                  <img
                    src={`/api/models/${model.id}/badge.svg?dataset=${datasetId}`}
                    alt="Rank badge"
                    height={20}
                    width={200}
                    className="badge-preview"
                  />
                </>
              ) : null}
            </p>
          </section>

          <section className="card" aria-labelledby="classes-heading">
            <h2 id="classes-heading">Accuracy per class</h2>
            <ClassAccuracyChart
              classNames={dataset.classNames}
              values={best.evaluation.perClassRecall}
              title={`Accuracy per class of ${model.name} on ${dataset.name}`}
            />
          </section>

          <section className="card" aria-labelledby="confusion-heading">
            <h2 id="confusion-heading">Confusion matrix</h2>
            <p className="muted small">
              Rows are the true class, columns the predicted one. Click a cell to see its test images.
            </p>
            <ConfusionHeatmap
              matrix={best.evaluation.confusionMatrix}
              classNames={dataset.classNames}
              cellHref={(row, column) => `${datasetHref(datasetId)}&cell=${row}-${column}#cell-examples`}
              selected={cell}
            />
            {cell && cellIndexes ? (
              <CellExamples
                datasetSlug={dataset.slug}
                classNames={dataset.classNames}
                cell={cell}
                indexes={cellIndexes}
                total={best.evaluation.confusionMatrix[cell.trueClass * 10 + cell.predictedClass] ?? 0}
              />
            ) : null}
          </section>

          {contrast ? (
            <section className="card" aria-labelledby="contrast-heading">
              <h2 id="contrast-heading">Where it parts from the other models</h2>
              <p className="muted small">
                Against the {contrast.others} other public models on {dataset.name} (
                <Link href={`/datasets/${datasetId}/consensus`}>every image through every model</Link>).
              </p>
              <h3>Images it gets right that most models miss</h3>
              <ContrastImages
                datasetSlug={dataset.slug}
                classNames={dataset.classNames}
                images={contrast.rareHits}
                total={contrast.rareHitCount}
                testId="rare-hits"
                empty="None: where most models fail, it fails too."
              />
              <h3>Images most models get right that it misses</h3>
              <ContrastImages
                datasetSlug={dataset.slug}
                classNames={dataset.classNames}
                images={contrast.rareMisses}
                total={contrast.rareMissCount}
                testId="rare-misses"
                empty="None: it gets every image right that most models get right."
              />
            </section>
          ) : null}
        </>
      ) : (
        <p className="empty" data-testid="model-no-results">
          No scored submission on {dataset.name} yet.
        </p>
      )}

      {submissions.length > 0 ? (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">History on {dataset.name}</h2>
          <p className="muted small">
            Every submission, oldest first; per class, the accuracy and its change in percentage points since the
            previous scored submission.
          </p>
          <ModelHistory submissions={submissions} classNames={dataset.classNames} />
        </section>
      ) : null}
    </>
  );
}
