import { DATASET_IDS, type DatasetId, getDatasetInfo } from '@tenfold/datasets/catalog';

// The one table of what a submitter can declare about a model's input and output. Every layer
// reads it: the zod schemas (web form, API, CLI, `npm run score`), the database columns (the
// `databaseEnum` spellings are Prisma's enums), the OpenAPI document, the form's options, the
// submission page and the scorer's tensor shapes and error hints. A fifth layout is one row here,
// one value in prisma/schema.prisma's enum (a test compares them) and the scorer's tensor code.

export const IMAGE_SIDE = 28;
export const PIXELS_PER_IMAGE = IMAGE_SIDE * IMAGE_SIDE;
export const CLASS_COUNT = 10;

/** One choice: its form/API/CLI value, its Prisma enum spelling, a short label and a line of help. */
export type ContractChoice = { id: string; databaseEnum: string; label: string; help: string };

/** `N` is the batch axis. The pixels are always row-major, so only the shape differs between layouts. */
export type TensorShape = ReadonlyArray<'N' | number>;

export const INPUT_LAYOUTS = [
  {
    id: 'nchw',
    databaseEnum: 'NCHW',
    label: 'NCHW (PyTorch)',
    shape: ['N', 1, IMAGE_SIDE, IMAGE_SIDE],
    help: 'channels first, what torch.onnx.export gives for a dummy input torch.zeros(1, 1, 28, 28)',
  },
  {
    id: 'nhwc',
    databaseEnum: 'NHWC',
    label: 'NHWC (Keras)',
    shape: ['N', IMAGE_SIDE, IMAGE_SIDE, 1],
    help: 'channels last, what Keras gives for Input(shape=(28, 28, 1))',
  },
  {
    id: 'flat',
    databaseEnum: 'FLAT',
    label: 'Flat',
    shape: ['N', PIXELS_PER_IMAGE],
    help: 'one row of 784 pixels, what Keras gives for Input(shape=(784,))',
  },
  {
    id: 'nhw',
    databaseEnum: 'NHW',
    label: 'NHW (Keras, no channel axis)',
    shape: ['N', IMAGE_SIDE, IMAGE_SIDE],
    help: 'no channel axis, what Keras gives for Input(shape=(28, 28)) or Flatten(input_shape=(28, 28))',
  },
] as const satisfies ReadonlyArray<ContractChoice & { shape: TensorShape }>;

export const INPUT_SCALES = [
  {
    id: 'unit',
    databaseEnum: 'UNIT',
    label: 'Unit (pixel / 255)',
    formula: 'pixel / 255',
    help: "0..1, torchvision's ToTensor()",
  },
  {
    id: 'byte',
    databaseEnum: 'BYTE',
    label: 'Byte (0–255)',
    formula: 'pixel (0..255)',
    help: 'the raw pixels, 0..255',
  },
  {
    id: 'standard',
    databaseEnum: 'STANDARD',
    label: 'Standard (mean, std)',
    formula: '(pixel / 255 − mean) / std',
    help: "ToTensor() then Normalize(mean, std); without mean and std, the dataset's usual values",
  },
] as const satisfies ReadonlyArray<ContractChoice & { formula: string }>;

export const OUTPUT_KINDS = [
  { id: 'logits', databaseEnum: 'LOGITS', label: 'Logits', help: '10 raw scores per image, in class order' },
  {
    id: 'probabilities',
    databaseEnum: 'PROBABILITIES',
    label: 'Probabilities',
    help: '10 probabilities per image (after softmax), in class order',
  },
] as const satisfies ReadonlyArray<ContractChoice>;

/** What a `torch.onnx.export` of a model trained on ToTensor() images declares: [N,1,28,28], pixels / 255, logits. */
export const DEFAULT_CHOICES = { layout: 'nchw', scale: 'unit', output: 'logits' } as const;

export type StandardScaling = { mean: number; std: number };

/**
 * The mean and std `standard` scaling uses for each dataset when the submitter gives none (the
 * CLI, `npm run score`) and that the form suggests: mean and std of the training pixels / 255,
 * as the dataset catalog records them.
 */
export const STANDARD_SCALING_DEFAULTS: Readonly<Record<DatasetId, StandardScaling>> = Object.fromEntries(
  DATASET_IDS.map((id) => [id, getDatasetInfo(id).normalization]),
) as Record<DatasetId, StandardScaling>;
