import { describePointDifference } from '@tenfold/datasets/standing-words';
import { Bar } from '@/components/bar';
import { CellExamples } from '@/components/cell-examples';
import { ConfusionHeatmap } from '@/components/confusion-heatmap';
import { formatCount, formatPercent } from '@/lib/format';
import type { SubmissionEvaluation } from '@/server/queries/get-submission';
import { RefreshWhileMounted } from './refresh-while-mounted.tsx';

const CLASS_COUNT = 10;
/** The check takes about as long as the scoring itself: seconds for the networks people submit. */
const SHIFTED_CHECK_REFRESH_MS = 2_000;

function formatDuration(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms / 1000)} s`;
}

export type DrillDown = {
  datasetSlug: string;
  cell: { trueClass: number; predictedClass: number };
  indexes: number[];
};

type Props = { evaluation: SubmissionEvaluation; classNames: readonly string[]; drillDown?: DrillDown | null };

export function EvaluationResults({ evaluation, classNames, drillDown }: Props) {
  // MNIST's classes are named by their index; print such names once.
  const hasWordNames = classNames.some((name, index) => name !== String(index));
  const matrix = evaluation.confusionMatrix.length === CLASS_COUNT * CLASS_COUNT ? evaluation.confusionMatrix : null;
  const rowTotal = (row: number) =>
    matrix ? matrix.slice(row * CLASS_COUNT, (row + 1) * CLASS_COUNT).reduce((sum, n) => sum + n, 0) : 0;

  return (
    <>
      <section className="card" aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        {evaluation.warnings.map((warning) => (
          <p key={warning} className="alert alert--warning" data-testid="evaluation-warning">
            {warning}
          </p>
        ))}
        <dl className="metrics">
          <div className="metric metric--primary">
            <dt>Accuracy</dt>
            <dd data-testid="accuracy">{formatPercent(evaluation.accuracy)}</dd>
          </div>
          <div className="metric">
            <dt>95% interval</dt>
            <dd data-testid="accuracy-ci">
              {formatPercent(evaluation.accuracyCiLow)} – {formatPercent(evaluation.accuracyCiHigh)}
            </dd>
          </div>
          <div className="metric">
            <dt>Correct</dt>
            <dd>
              {formatCount(evaluation.correct)} / {formatCount(evaluation.total)}
            </dd>
          </div>
          <div className="metric">
            <dt>Throughput</dt>
            <dd data-testid="images-per-second">{formatCount(evaluation.imagesPerSecond)} images/s</dd>
          </div>
        </dl>
        <dl className="details">
          <div>
            <dt>Backend</dt>
            <dd data-testid="backend">
              {evaluation.backend} {evaluation.backendVersion}
            </dd>
          </div>
          <div>
            <dt>Scorer version</dt>
            <dd data-testid="scorer-version">{evaluation.scorerVersion}</dd>
          </div>
          <ShiftedCheck evaluation={evaluation} />
          {evaluation.parameterCount !== null ? (
            <div>
              <dt>Parameters</dt>
              <dd>{formatCount(evaluation.parameterCount)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Scoring time</dt>
            <dd>
              {formatDuration(evaluation.durationMs)} (mean latency {evaluation.meanLatencyMs.toFixed(3)} ms / image)
            </dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="classes-heading">
        <h2 id="classes-heading">Accuracy per class</h2>
        <p className="muted small">
          The share of each class&apos;s test images the model classified correctly (recall).
        </p>
        <div className="table-wrap">
          <table className="table per-class" data-testid="per-class">
            <thead>
              <tr>
                {hasWordNames ? (
                  <th scope="col" className="rank">
                    #
                  </th>
                ) : null}
                <th scope="col">Class</th>
                <th scope="col" className="num">
                  Accuracy
                </th>
                <th scope="col" className="bar-col" aria-label="Accuracy bar" />
                {matrix ? (
                  <th scope="col" className="num hide-narrow">
                    Correct
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {evaluation.perClassRecall.map((recall, index) => (
                <tr key={classNames[index] ?? index} data-testid="per-class-row">
                  {hasWordNames ? <td className="rank">{index}</td> : null}
                  <td>{classNames[index] ?? `Class ${index}`}</td>
                  <td className="num">{formatPercent(recall)}</td>
                  <td className="bar-col">
                    <Bar value={recall} />
                  </td>
                  {matrix ? (
                    <td className="num hide-narrow muted">
                      {formatCount(matrix[index * CLASS_COUNT + index] ?? 0)} / {formatCount(rowTotal(index))}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {matrix ? (
        <section className="card" aria-labelledby="confusion-heading">
          <h2 id="confusion-heading">Confusion matrix</h2>
          <p className="muted small">
            Rows are the true class, columns the predicted one. Click a cell to see its test images.
          </p>
          <ConfusionHeatmap
            matrix={matrix}
            classNames={classNames}
            cellHref={(row, column) => `?cell=${row}-${column}#cell-examples`}
            selected={drillDown?.cell}
          />
          {drillDown ? (
            <CellExamples
              datasetSlug={drillDown.datasetSlug}
              classNames={classNames}
              cell={drillDown.cell}
              indexes={drillDown.indexes}
              total={matrix[drillDown.cell.trueClass * CLASS_COUNT + drillDown.cell.predictedClass] ?? 0}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/**
 * The shifted-copy check runs after the score is published: while it runs the page says so and
 * looks again every few seconds; a failed check is said, and the score above stands.
 */
function ShiftedCheck({ evaluation }: { evaluation: SubmissionEvaluation }) {
  if (evaluation.shiftedCheck === 'RUNNING') {
    return (
      <div>
        <dt>Shifted one pixel right</dt>
        <dd data-testid="shifted-check-running">
          Checking the test images moved one pixel right (the score above does not change)
          <RefreshWhileMounted intervalMs={SHIFTED_CHECK_REFRESH_MS} />
        </dd>
      </div>
    );
  }
  if (evaluation.shiftedCheck === 'FAILED') {
    return (
      <div>
        <dt>Shifted one pixel right</dt>
        <dd data-testid="shifted-check-failed">
          Not checked: {evaluation.shiftedCheckError ?? 'the check did not finish'}. The score above stands.
        </dd>
      </div>
    );
  }
  if (evaluation.shiftedAccuracy === null) return null;
  return (
    <div>
      <dt>Shifted one pixel right</dt>
      <dd data-testid="shifted-accuracy">
        {`${formatPercent(evaluation.shiftedAccuracy)} accuracy, ${describePointDifference(evaluation.shiftedAccuracy, evaluation.accuracy)} than on the test images: a large drop hints at memorised pixel positions`}
      </dd>
    </div>
  );
}
