import { parseArgs } from 'node:util';
import { type InputContract, inputContractSchema, LAYOUT_IDS, OUTPUT_IDS, SCALE_IDS } from '@tenfold/contract';
import { DATASET_IDS, type DatasetId, isDatasetId } from '@tenfold/datasets/catalog';

export const SCORE_USAGE = `Usage: npm run score -- <model.onnx | model.zip | tfjs-model-dir> --dataset ${DATASET_IDS.join('|')}
         [--layout ${LAYOUT_IDS.join('|')}] [--scale ${SCALE_IDS.join('|')} [--mean M --std S]]
         [--output ${OUTPUT_IDS.join('|')}] [--json]

Scores a model on the dataset's 10,000 test images on this machine, exactly as Tenfold's
worker does. 'standard' means (pixel/255 - mean)/std, with the dataset's usual mean and std
unless --mean and --std are given.`;

export type ScoreArgs = {
  modelPath: string;
  dataset: DatasetId;
  contract: InputContract;
  isJson: boolean;
};

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new UsageError(`${flag} must be a number, got "${value}".`);
  return parsed;
}

export function parseScoreArgs(argv: string[]): ScoreArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dataset: { type: 'string' },
        layout: { type: 'string' },
        scale: { type: 'string' },
        mean: { type: 'string' },
        std: { type: 'string' },
        output: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError('Give exactly one model file or folder.');
  if (typeof values.dataset !== 'string' || !isDatasetId(values.dataset)) {
    throw new UsageError(`--dataset must be ${DATASET_IDS.join(' or ')}.`);
  }
  const contract = inputContractSchema.safeParse({
    layout: values.layout,
    scale: values.scale,
    mean: number(values.mean as string | undefined, '--mean'),
    std: number(values.std as string | undefined, '--std'),
    output: values.output,
  });
  if (!contract.success) {
    const problems = contract.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new UsageError(problems.join('\n'));
  }
  if ((contract.data.mean !== undefined || contract.data.std !== undefined) && contract.data.scale !== 'standard') {
    throw new UsageError('--mean and --std only apply with --scale standard.');
  }
  return {
    modelPath: positionals[0] as string,
    dataset: values.dataset,
    contract: contract.data,
    isJson: Boolean(values.json),
  };
}
