import type { DatasetInfo } from '@tenfold/datasets';
import type { ScoreResult } from '../score-artifact.ts';

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

/** The human-readable result of a local scoring run. */
export function formatScoreReport(result: ScoreResult, info: DatasetInfo): string {
  const width = Math.max(...info.classNames.map((name) => name.length));
  const rows = info.classNames.map(
    (name, c) =>
      `  ${c}  ${name.padEnd(width)}  ${percent(result.perClassRecall[c] ?? 0).padStart(7)}  ${percent(result.perClassPrecision[c] ?? 0).padStart(7)}  ${percent(result.perClassF1[c] ?? 0).padStart(7)}`,
  );
  return [
    `${info.name} test split: ${result.correct} of ${result.total} correct`,
    `accuracy ${percent(result.accuracy)} (95% CI ${percent(result.accuracyCiLow)} – ${percent(result.accuracyCiHigh)})`,
    '',
    `  #  ${'class'.padEnd(width)}   recall  precision    F1`,
    ...rows,
    '',
    `${Math.round(result.imagesPerSecond).toLocaleString('en')} images/s on ${result.backend} ${result.backendVersion}; scorer ${result.scorerVersion}`,
    `model sha256 ${result.modelSha256}`,
    `dataset ${result.datasetSha256}`,
  ].join('\n');
}
