import { DATASET_IDS, type DatasetId, getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import { formatPoints, formatRank } from '@tenfold/datasets/standing-words';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ClassDotPlot } from '@/components/charts/class-dot-plot';
import { ConfusionDifference } from '@/components/confusion-difference';
import { ImageStrip } from '@/components/image-strip';
import { formatCount, formatPercent } from '@/lib/format';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';
import { getModelComparison, MAX_COMPARED } from '@/server/queries/get-model-comparison';

export const metadata: Metadata = { title: 'Compare models' };

type Props = { searchParams: Promise<{ dataset?: string | string[]; m?: string | string[] }> };

function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

export default async function ComparePage({ searchParams }: Props) {
  const query = await searchParams;
  const datasetParam = Array.isArray(query.dataset) ? query.dataset[0] : query.dataset;
  const datasetId: DatasetId = datasetParam && isDatasetId(datasetParam) ? datasetParam : 'mnist';
  const dataset = getDatasetInfo(datasetId);
  const requested = (Array.isArray(query.m) ? query.m : query.m ? [query.m] : []).filter(isResourceId);
  const comparison = await getModelComparison(await getRequestDb(), datasetId, requested);
  const { models, pairs } = comparison;
  const reference = models[0];

  return (
    <>
      <section className="dataset-header">
        <p className="eyebrow">Analysis</p>
        <h1>Compare models</h1>
        <p className="lead">
          Two to four public models on one dataset, each at its leaderboard submission: where they differ, and whether
          the difference is more than chance (McNemar&apos;s test on the images only one of them gets right).
        </p>
        <form className="picker card" method="get" action="/compare" data-testid="compare-picker">
          <label className="filters__field">
            <span>Dataset</span>
            <select name="dataset" defaultValue={datasetId} data-testid="compare-dataset">
              {DATASET_IDS.map((id) => (
                <option key={id} value={id}>
                  {getDatasetInfo(id).name}
                </option>
              ))}
            </select>
          </label>
          {Array.from({ length: MAX_COMPARED }, (_, slot) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the slots are positions, not data.
            <label className="filters__field" key={slot}>
              <span>Model {slot + 1}</span>
              <select name="m" defaultValue={requested[slot] ?? ''} data-testid={`compare-model-${slot}`}>
                <option value="">—</option>
                {comparison.choices.map((choice) => (
                  <option key={choice.modelId} value={choice.modelId}>
                    {`${choice.modelName} (rank ${formatRank(choice.tieRank, choice.isTiedWithAbove)})`}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="button button--small" data-testid="compare-submit">
            Compare
          </button>
        </form>
      </section>

      {requested.length > MAX_COMPARED ? (
        <p className="alert alert--warning" role="status" data-testid="compare-limit">
          {`Compare shows at most ${MAX_COMPARED} models at once: you picked ${requested.length}, so the first ${MAX_COMPARED} are compared. Untick some on the leaderboard, or change the models above.`}
        </p>
      ) : null}

      {!reference ? (
        <p className="empty" data-testid="compare-empty">
          Pick at least two models ranked on {dataset.name}. Changing the dataset? Press Compare once to load its
          models.
        </p>
      ) : (
        <>
          <section className="card" aria-labelledby="per-class-heading">
            <h2 id="per-class-heading">Accuracy per class</h2>
            <ClassDotPlot
              classNames={dataset.classNames}
              series={models.map((model) => ({ name: model.modelName, values: model.perClassRecall }))}
              title={`Accuracy per class on ${dataset.name}`}
            />
            <div className="table-wrap">
              <table className="table" data-testid="compare-differences">
                <thead>
                  <tr>
                    <th scope="col">Class</th>
                    {models.map((model, index) => (
                      <th key={model.modelId} scope="col" className="num cell-name">
                        {model.modelName}
                        {index > 0 ? <div className="small">vs {reference.modelName}</div> : null}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...dataset.classNames, 'All'].map((name, classIndex) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      {models.map((model, index) => {
                        const value = name === 'All' ? model.accuracy : (model.perClassRecall[classIndex] ?? 0);
                        const base = name === 'All' ? reference.accuracy : (reference.perClassRecall[classIndex] ?? 0);
                        const delta = value - base;
                        return (
                          <td key={model.modelId} className="num">
                            {formatPercent(value)}
                            {index > 0 ? (
                              <div className={`small delta delta--${delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'}`}>
                                {formatPoints(delta)}
                              </div>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card" aria-labelledby="mcnemar-heading">
            <h2 id="mcnemar-heading">Is the difference significant?</h2>
            <p className="muted small">
              McNemar&apos;s test per pair on the {formatCount(dataset.splits.test.count)} shared test images: exact
              binomial when fewer than 50 images split the pair, chi-square with continuity correction otherwise.
              Two-sided; below 0.05 counts as significant.
            </p>
            <div className="table-wrap">
              <table className="table" data-testid="mcnemar">
                <thead>
                  <tr>
                    <th scope="col">Pair</th>
                    <th scope="col" className="num">
                      Only first right
                    </th>
                    <th scope="col" className="num">
                      Only second right
                    </th>
                    <th scope="col">Test</th>
                    <th scope="col" className="num">
                      p-value
                    </th>
                    <th scope="col">Verdict</th>
                  </tr>
                </thead>
                <tbody>
                  {pairs.map((pair) => {
                    const a = models[pair.first];
                    const b = models[pair.second];
                    return (
                      <tr key={`${pair.first}-${pair.second}`} data-testid="mcnemar-row">
                        <td className="cell-name">
                          {a?.modelName} vs {b?.modelName}
                        </td>
                        <td className="num">{formatCount(pair.mcnemar.onlyFirstRight)}</td>
                        <td className="num">{formatCount(pair.mcnemar.onlySecondRight)}</td>
                        <td>
                          {pair.mcnemar.method === 'exact'
                            ? 'exact binomial'
                            : `χ² = ${(pair.mcnemar.statistic ?? 0).toFixed(2)}`}
                        </td>
                        <td className="num" data-testid="mcnemar-p">
                          {formatP(pair.mcnemar.pValue)}
                        </td>
                        <td>{pair.mcnemar.pValue < 0.05 ? 'significant' : 'not significant'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <section className="card" aria-labelledby="confusion-diff-heading">
            <h2 id="confusion-diff-heading">Difference of confusion matrices</h2>
            <p className="muted small">
              Each model minus {reference.modelName}; rows are the true class. Green is in the model&apos;s favour.
            </p>
            {models.slice(1).map((model) => (
              <ConfusionDifference
                key={model.modelId}
                first={reference.confusionMatrix}
                second={model.confusionMatrix}
                classNames={dataset.classNames}
                caption={`${model.modelName} minus ${reference.modelName}`}
              />
            ))}
          </section>

          <section className="card" aria-labelledby="disagreements-heading">
            <h2 id="disagreements-heading">Where they disagree</h2>
            {pairs.map((pair) => {
              const a = models[pair.first];
              const b = models[pair.second];
              if (!a || !b) return null;
              return (
                <div key={`${pair.first}-${pair.second}`} className="pair">
                  <h3>
                    {a.modelName} vs {b.modelName}
                  </h3>
                  <p className="small">
                    Only <Link href={`/models/${a.modelId}?dataset=${datasetId}`}>{a.modelName}</Link> right (
                    {formatCount(pair.disagreement.onlyFirstRight)}):
                  </p>
                  <ImageStrip
                    datasetSlug={dataset.slug}
                    indexes={pair.disagreement.firstRightExamples}
                    label={`Only ${a.modelName} right`}
                  />
                  <p className="small">
                    Only <Link href={`/models/${b.modelId}?dataset=${datasetId}`}>{b.modelName}</Link> right (
                    {formatCount(pair.disagreement.onlySecondRight)}):
                  </p>
                  <ImageStrip
                    datasetSlug={dataset.slug}
                    indexes={pair.disagreement.secondRightExamples}
                    label={`Only ${b.modelName} right`}
                  />
                </div>
              );
            })}
          </section>
        </>
      )}
    </>
  );
}
