// `npm run score -- <model> --dataset ...`: scores a model locally, without the server, with the
// same scorer the worker uses. Exit codes: 0 scored, 1 model refused, 2 usage error, 3 other failure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getDatasetInfo } from '@tenfold/datasets';
import { isModelError } from '../errors.ts';
import { createScoringInputsLoader } from '../load-scoring-inputs.ts';
import { scoreArtifact } from '../score-artifact.ts';
import { readScoreEnv } from './env.ts';
import { formatScoreReport } from './format-score-report.ts';
import { parseScoreArgs, SCORE_USAGE, UsageError } from './parse-score-args.ts';
import { readModelInput } from './read-model-input.ts';

async function main(): Promise<number> {
  let args: ReturnType<typeof parseScoreArgs>;
  try {
    args = parseScoreArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`${error.message}\n`);
    console.error(SCORE_USAGE);
    return 2;
  }
  const env = readScoreEnv();
  const workDir = await mkdtemp(join(tmpdir(), 'tenfold-score-'));
  try {
    const model = await readModelInput(resolve(env.INIT_CWD, args.modelPath));
    if (model.externalFiles.length > 0) {
      console.error(`The model keeps its weights in ${model.externalFiles.join(', ')}: scoring it with them.`);
    }
    const info = getDatasetInfo(args.dataset);
    // The worker's inputs, sanity pass included: the same advice, and the same quick refusal of
    // a model too slow to finish, as an upload gets.
    const { notes, ...inputs } = await createScoringInputsLoader({ dataDir: env.TENFOLD_DATASETS_DIR })(info.enumValue);
    for (const note of notes) console.error(note);
    const result = await scoreArtifact({
      ...inputs,
      modelBytes: model.bytes,
      format: model.format,
      contract: args.contract,
      limits: { wallTimeMs: env.SCORING_TIMEOUT_MS, memoryMb: env.SCORING_MEMORY_MB },
      workDir,
      threads: env.SCORING_THREADS,
    });
    if (args.isJson) {
      console.log(
        JSON.stringify({
          accuracy: result.accuracy,
          accuracyCi95: [result.accuracyCiLow, result.accuracyCiHigh],
          perClass: result.perClassRecall,
          predictions: Array.from(result.predictions),
          backend: result.backend,
          backendVersion: result.backendVersion,
          scorerVersion: result.scorerVersion,
          datasetSha256: result.datasetSha256,
          modelSha256: result.modelSha256,
          imagesPerSecond: result.imagesPerSecond,
        }),
      );
    } else {
      console.log(formatScoreReport(result, info));
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (args.isJson) console.log(JSON.stringify({ error: message, refused: isModelError(error) }));
    console.error(isModelError(error) ? `Model refused: ${message}` : `Scoring failed: ${message}`);
    return isModelError(error) ? 1 : 3;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
