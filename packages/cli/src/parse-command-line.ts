import { basename, extname } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import {
  type InputLayout,
  type InputScale,
  inputContractSchema,
  LAYOUT_IDS,
  OUTPUT_IDS,
  type OutputKind,
  SCALE_IDS,
  STANDARD_SCALING_DEFAULTS,
} from '@tenfold/contract';
import { DATASET_IDS, type DatasetId, isDatasetId } from '@tenfold/datasets/catalog';
import { usageError } from './exit-codes.ts';
import { COMMAND_NAMES, type CommandName } from './help-text.ts';

// Mirrors apps/web's submission-input.ts (the server stays the authority; checking here saves an upload).
const MODEL_NAME_MAX_LENGTH = 80;
const MODEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._+-]*$/;
// Mirrors apps/web's leaderboard-query.ts: the server quietly falls back to defaults for unknown values.
const SORT_KEYS = ['rank', 'model', 'accuracy', 'parameters', 'size', 'latency', 'submitter', 'date', 'format'];
const SIZE_BUCKETS = ['tiny', 'small', 'medium', 'large'];
const MODEL_FORMATS: Record<string, string> = {
  onnx: 'ONNX',
  'tfjs-layers': 'TFJS_LAYERS',
  'tfjs-graph': 'TFJS_GRAPH',
};
const DEFAULT_WAIT_TIMEOUT_SECONDS = 3600;

type Common = { url?: string; isJson: boolean };

export type SubmitFields = {
  dataset: DatasetId;
  modelName: string;
  layout: InputLayout;
  scale: InputScale;
  mean?: number;
  std?: number;
  output: OutputKind;
  visibility: 'public' | 'private';
};

export type Command =
  | { name: 'help'; topic: CommandName | null }
  | ({ name: 'login'; token?: string } & Common)
  | ({ name: 'logout' } & Common)
  | ({ name: 'submit'; modelPath: string; fields: SubmitFields; wait: boolean; timeoutSeconds: number } & Common)
  | ({ name: 'status'; id: string | null; wait: boolean; timeoutSeconds: number; page: number } & Common)
  | ({
      name: 'leaderboard';
      dataset: DatasetId;
      query: { sort?: string; dir?: string; format?: string; size?: string; page?: number; perPage?: number };
    } & Common)
  | ({ name: 'export'; dataset: DatasetId; format: 'csv' | 'json'; outputPath?: string } & Common)
  | { name: 'score'; args: string[]; isJson: boolean };

const COMMON_OPTIONS = {
  url: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

const WAIT_OPTIONS = {
  wait: { type: 'boolean', default: false },
  timeout: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages name the option ("Unknown option '--datset'"); say where to look next.
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : String(error);
    throw usageError(message);
  }
}

function positionals(found: string[], command: CommandName, names: string[], optional = 0): string[] {
  if (found.length > names.length || found.length < names.length - optional) {
    const extra =
      found.length > names.length ? `unexpected "${found[names.length]}"` : `missing ${names.join(' and ')}`;
    throw usageError(`tenfold ${command}: ${extra}. See tenfold ${command} --help.`);
  }
  return found;
}

function dataset(value: string | undefined, where: string): DatasetId {
  if (value === undefined) throw usageError(`${where}: give the dataset, ${DATASET_IDS.join(' or ')}.`);
  if (!isDatasetId(value))
    throw usageError(`${where}: unknown dataset "${value}"; choose ${DATASET_IDS.join(' or ')}.`);
  return value;
}

function positiveInteger(value: string | undefined, flag: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw usageError(`${flag} must be a whole number from 1 to ${max}, got "${value}".`);
  }
  return parsed;
}

function finiteNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw usageError(`${flag} must be a number, got "${value}".`);
  return parsed;
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(lower))
    throw usageError(`${flag} must be ${allowed.join(', ')}; got "${value}".`);
  return lower as T;
}

/** The file name without its extension, made into a name the server accepts. */
export function defaultModelName(modelPath: string): string {
  const trimmed = modelPath.replace(/[\\/]+$/, '');
  let stem = basename(trimmed, extname(trimmed));
  if (stem === 'model') stem = basename(trimmed.slice(0, -basename(trimmed).length).replace(/[\\/]+$/, '')) || stem;
  const cleaned = stem
    .replace(/[^A-Za-z0-9 ._+-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, MODEL_NAME_MAX_LENGTH);
  return cleaned || 'model';
}

function timeout(value: string | undefined): number {
  return positiveInteger(value, '--timeout', 7 * 24 * 3600) ?? DEFAULT_WAIT_TIMEOUT_SECONDS;
}

function parseSubmit(args: string[]): Command {
  const { values, positionals: found } = parse(args, {
    ...WAIT_OPTIONS,
    dataset: { type: 'string' },
    name: { type: 'string' },
    layout: { type: 'string' },
    scale: { type: 'string' },
    mean: { type: 'string' },
    std: { type: 'string' },
    output: { type: 'string' },
    visibility: { type: 'string' },
  });
  if (values.help) return { name: 'help', topic: 'submit' };
  const [modelPath] = positionals(found, 'submit', ['<model>']) as [string];
  const datasetId = dataset(values.dataset, '--dataset');
  const modelName = (values.name ?? defaultModelName(modelPath)).trim();
  if (modelName === '') throw usageError('--name must not be empty.');
  if (modelName.length > MODEL_NAME_MAX_LENGTH)
    throw usageError(`--name: use at most ${MODEL_NAME_MAX_LENGTH} characters.`);
  if (!MODEL_NAME_PATTERN.test(modelName)) {
    throw usageError('--name: use only letters, digits, spaces and . _ + -, starting with a letter or digit.');
  }
  const contract = inputContractSchema.safeParse({
    layout: oneOf(values.layout, '--layout', LAYOUT_IDS),
    scale: oneOf(values.scale, '--scale', SCALE_IDS),
    mean: finiteNumber(values.mean, '--mean'),
    std: finiteNumber(values.std, '--std'),
    output: oneOf(values.output, '--output', OUTPUT_IDS),
  });
  if (!contract.success) {
    throw usageError(contract.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const { layout, scale, output } = contract.data;
  let { mean, std } = contract.data;
  if (scale !== 'standard' && (mean !== undefined || std !== undefined)) {
    throw usageError('--mean and --std only apply with --scale standard.');
  }
  if (scale === 'standard') {
    if ((mean === undefined) !== (std === undefined))
      throw usageError("Give both --mean and --std, or neither for the dataset's usual values.");
    // The same default `tenfold score` applies, so a model scores the same locally and on the server.
    mean ??= STANDARD_SCALING_DEFAULTS[datasetId].mean;
    std ??= STANDARD_SCALING_DEFAULTS[datasetId].std;
  }
  const visibility = oneOf(values.visibility, '--visibility', ['public', 'private']) ?? 'public';
  return {
    name: 'submit',
    modelPath,
    fields: { dataset: datasetId, modelName, layout, scale, mean, std, output, visibility },
    wait: Boolean(values.wait),
    timeoutSeconds: timeout(values.timeout),
    url: values.url,
    isJson: Boolean(values.json),
  };
}

function parseStatus(args: string[]): Command {
  const { values, positionals: found } = parse(args, { ...WAIT_OPTIONS, page: { type: 'string' } });
  if (values.help) return { name: 'help', topic: 'status' };
  const [id] = positionals(found, 'status', ['<submission-id>'], 1);
  if (values.wait && id === undefined) throw usageError('tenfold status --wait needs a submission id.');
  return {
    name: 'status',
    id: id ?? null,
    wait: Boolean(values.wait),
    timeoutSeconds: timeout(values.timeout),
    page: positiveInteger(values.page, '--page', 100_000) ?? 1,
    url: values.url,
    isJson: Boolean(values.json),
  };
}

function parseLeaderboard(args: string[]): Command {
  const { values, positionals: found } = parse(args, {
    sort: { type: 'string' },
    dir: { type: 'string' },
    'model-format': { type: 'string' },
    size: { type: 'string' },
    page: { type: 'string' },
    'per-page': { type: 'string' },
  });
  if (values.help) return { name: 'help', topic: 'leaderboard' };
  const [id] = positionals(found, 'leaderboard', ['<dataset>']);
  const modelFormat = oneOf(values['model-format'], '--model-format', Object.keys(MODEL_FORMATS));
  return {
    name: 'leaderboard',
    dataset: dataset(id, 'tenfold leaderboard'),
    query: {
      sort: oneOf(values.sort, '--sort', SORT_KEYS),
      dir: oneOf(values.dir, '--dir', ['asc', 'desc']),
      format: modelFormat && MODEL_FORMATS[modelFormat],
      size: oneOf(values.size, '--size', SIZE_BUCKETS),
      page: positiveInteger(values.page, '--page', 100_000),
      perPage: positiveInteger(values['per-page'], '--per-page', 100),
    },
    url: values.url,
    isJson: Boolean(values.json),
  };
}

function parseExport(args: string[]): Command {
  const { values, positionals: found } = parse(args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) return { name: 'help', topic: 'export' };
  const [id] = positionals(found, 'export', ['<dataset>']);
  const format = oneOf(values.format, '--format', ['csv', 'json']);
  if (!format) throw usageError('tenfold export: give --format csv or --format json.');
  return {
    name: 'export',
    dataset: dataset(id, 'tenfold export'),
    format,
    outputPath: values.output,
    url: values.url,
    isJson: Boolean(values.json),
  };
}

function parseSimple(name: 'login' | 'logout', args: string[]): Command {
  const { values, positionals: found } = parse(args, name === 'login' ? { token: { type: 'string' } } : {});
  if (values.help) return { name: 'help', topic: name };
  positionals(found, name, []);
  const token = 'token' in values ? (values.token as string | undefined) : undefined;
  return name === 'login'
    ? { name, token, url: values.url, isJson: Boolean(values.json) }
    : { name, url: values.url, isJson: Boolean(values.json) };
}

/** Reads `tenfold <command> ...`; a UsageError (exit 2) says what is wrong. */
export function parseCommandLine(argv: string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    return {
      name: 'help',
      topic: topic && (COMMAND_NAMES as readonly string[]).includes(topic) ? (topic as CommandName) : null,
    };
  }
  switch (first) {
    case 'login':
    case 'logout':
      return parseSimple(first, rest);
    case 'submit':
      return parseSubmit(rest);
    case 'status':
      return parseStatus(rest);
    case 'leaderboard':
      return parseLeaderboard(rest);
    case 'export':
      return parseExport(rest);
    case 'score':
      if (rest.includes('--help') || rest.includes('-h')) return { name: 'help', topic: 'score' };
      return { name: 'score', args: rest, isJson: rest.includes('--json') };
    default:
      throw usageError(`Unknown command "${first}". Commands: ${COMMAND_NAMES.join(', ')}. See tenfold --help.`);
  }
}
