import { z } from 'zod';
import {
  type ContractChoice,
  DEFAULT_CHOICES,
  INPUT_LAYOUTS,
  INPUT_SCALES,
  OUTPUT_KINDS,
  type TensorShape,
} from './input-contract-table.ts';

type Choices = ReadonlyArray<ContractChoice>;
type Ids<T extends Choices> = [T[number]['id'], ...Array<T[number]['id']>];

/** The ids of a table, in table order, as zod's `z.enum` and OpenAPI's `enum` want them. */
export function idsOf<const T extends Choices>(choices: T): Ids<T> {
  return choices.map((choice) => choice.id) as Ids<T>;
}

/** The ids of a table, as the Prisma enum spells them. */
export function databaseEnumsOf<const T extends Choices>(choices: T): Array<T[number]['databaseEnum']> {
  return choices.map((choice) => choice.databaseEnum);
}

export function choiceById<const T extends Choices>(choices: T, id: T[number]['id']): T[number] {
  const found = choices.find((choice) => choice.id === id);
  if (!found) throw new Error(`No contract choice "${id}" (choose ${choices.map((c) => c.id).join(', ')}).`);
  return found;
}

export function choiceByDatabaseEnum<const T extends Choices>(choices: T, value: T[number]['databaseEnum']): T[number] {
  const found = choices.find((choice) => choice.databaseEnum === value);
  if (!found) throw new Error(`No contract choice stored as "${value}".`);
  return found;
}

export const LAYOUT_IDS = idsOf(INPUT_LAYOUTS);
export const SCALE_IDS = idsOf(INPUT_SCALES);
export const OUTPUT_IDS = idsOf(OUTPUT_KINDS);

export type InputLayout = (typeof INPUT_LAYOUTS)[number]['id'];
export type InputScale = (typeof INPUT_SCALES)[number]['id'];
export type OutputKind = (typeof OUTPUT_KINDS)[number]['id'];

/**
 * What a submitter declares, in the spelling of the API, the CLI and the scorer. Mean and std
 * apply to `standard` scaling; the scorer falls back to the dataset's usual values without them.
 */
export const inputContractSchema = z
  .object({
    layout: z.enum(LAYOUT_IDS).default(DEFAULT_CHOICES.layout),
    scale: z.enum(SCALE_IDS).default(DEFAULT_CHOICES.scale),
    mean: z.number().finite().optional(),
    std: z.number().finite().positive().optional(),
    output: z.enum(OUTPUT_IDS).default(DEFAULT_CHOICES.output),
  })
  .strict();

export type InputContract = z.infer<typeof inputContractSchema>;

export const DEFAULT_CONTRACT: InputContract = inputContractSchema.parse({});

/** The input tensor shape for a batch of `n` images under a layout. */
export function inputShape(layout: InputLayout, n: number): number[] {
  return choiceById(INPUT_LAYOUTS, layout).shape.map((dim) => (dim === 'N' ? n : dim));
}

/** `[N, 1, 28, 28]`: how people and error messages write a shape. */
export function formatShape(shape: TensorShape): string {
  return `[${shape.join(', ')}]`;
}

/** The sentence error messages use to say what a layout means. */
export function describeLayout(layout: InputLayout): string {
  const choice = choiceById(INPUT_LAYOUTS, layout);
  return `layout ${choice.id} means ${formatShape(choice.shape)}, ${choice.help}`;
}

/** How the submission page writes a declared scaling: its formula, with the submitter's mean and std. */
export function describeScaling({ scale, mean, std }: Pick<InputContract, 'scale' | 'mean' | 'std'>): string {
  const { formula } = choiceById(INPUT_SCALES, scale);
  return scale === 'standard'
    ? formula.replace('mean', String(mean ?? '?')).replace('std', String(std ?? '?'))
    : formula;
}

/** The submission columns that hold a contract (Prisma's enum spellings). */
export type ContractColumns = {
  inputLayout: (typeof INPUT_LAYOUTS)[number]['databaseEnum'];
  inputScale: (typeof INPUT_SCALES)[number]['databaseEnum'];
  inputMean: number | null;
  inputStd: number | null;
  outputKind: (typeof OUTPUT_KINDS)[number]['databaseEnum'];
};

export function contractToColumns(contract: InputContract): ContractColumns {
  return {
    inputLayout: choiceById(INPUT_LAYOUTS, contract.layout).databaseEnum,
    inputScale: choiceById(INPUT_SCALES, contract.scale).databaseEnum,
    inputMean: contract.mean ?? null,
    inputStd: contract.std ?? null,
    outputKind: choiceById(OUTPUT_KINDS, contract.output).databaseEnum,
  };
}

export function contractFromColumns(columns: ContractColumns): InputContract {
  return {
    layout: choiceByDatabaseEnum(INPUT_LAYOUTS, columns.inputLayout).id,
    scale: choiceByDatabaseEnum(INPUT_SCALES, columns.inputScale).id,
    mean: columns.inputMean ?? undefined,
    std: columns.inputStd ?? undefined,
    output: choiceByDatabaseEnum(OUTPUT_KINDS, columns.outputKind).id,
  };
}
