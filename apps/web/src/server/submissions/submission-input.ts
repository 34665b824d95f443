import { DEFAULT_CHOICES, LAYOUT_IDS, OUTPUT_IDS, SCALE_IDS, STANDARD_SCALING_DEFAULTS } from '@tenfold/contract';
import { DATASET_IDS } from '@tenfold/datasets/catalog';
import { z } from 'zod';
import type { SubmissionErrorCode } from './submission-errors.ts';

export const MODEL_NAME_MAX_LENGTH = 80;
/** Letters, digits, spaces and . _ + -, starting with a letter or digit: safe in URLs, logs and file names. */
export const MODEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._+-]*$/;

/** Form selects post lower-case values; the database stores the Prisma enums. */
export const VISIBILITIES = { public: 'PUBLIC', private: 'PRIVATE' } as const;

const keysOf = <T extends object>(record: T) => Object.keys(record) as [keyof T & string, ...Array<keyof T & string>];
const code = (value: SubmissionErrorCode) => ({ error: value });

/** An empty optional form field means "not given". */
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const optionalNumber = (invalid: SubmissionErrorCode) =>
  z.preprocess((value) => {
    const given = blankToUndefined(value);
    return typeof given === 'string' ? Number(given.trim()) : given;
  }, z.number(code(invalid)).optional());

/**
 * The submission form's text fields. Errors carry codes (see submission-errors.ts), so each
 * refusal maps to one sentence telling the user what to fix.
 */
export const submissionFieldsSchema = z
  .object({
    dataset: z.enum(DATASET_IDS, code('dataset_unknown')),
    modelName: z
      .string(code('model_name_missing'))
      .trim()
      .min(1, code('model_name_missing'))
      .max(MODEL_NAME_MAX_LENGTH, code('model_name_too_long'))
      .regex(MODEL_NAME_PATTERN, code('model_name_charset')),
    // The input contract's choices are @tenfold/contract's table; only the error codes are the form's.
    layout: z.preprocess(blankToUndefined, z.enum(LAYOUT_IDS, code('layout_unknown')).default(DEFAULT_CHOICES.layout)),
    scale: z.preprocess(blankToUndefined, z.enum(SCALE_IDS, code('scale_unknown')).default(DEFAULT_CHOICES.scale)),
    mean: optionalNumber('mean_invalid'),
    std: optionalNumber('std_invalid'),
    output: z.preprocess(blankToUndefined, z.enum(OUTPUT_IDS, code('output_unknown')).default(DEFAULT_CHOICES.output)),
    /** Applies when the upload creates the model; an existing model keeps its visibility. */
    visibility: z.preprocess(
      blankToUndefined,
      z.enum(keysOf(VISIBILITIES), code('visibility_unknown')).default('public'),
    ),
  })
  .superRefine((fields, context) => {
    if (fields.scale === 'standard' && fields.std !== undefined && fields.std <= 0) {
      context.addIssue({ code: 'custom', path: ['std'], message: 'std_invalid' });
    }
  })
  // Mean and std only mean something for standard scaling: left empty they are the chosen
  // dataset's own (as the CLI and `npm run score` do); stray values from the form are dropped.
  .transform((fields) => {
    if (fields.scale !== 'standard') return { ...fields, mean: undefined, std: undefined };
    const defaults = STANDARD_SCALING_DEFAULTS[fields.dataset];
    return { ...fields, mean: fields.mean ?? defaults.mean, std: fields.std ?? defaults.std };
  });

export type SubmissionFields = z.infer<typeof submissionFieldsSchema>;

/** The uploaded file as the route handler (or a test, or a CLI) hands it over. */
export type UploadedFile = { name: string; bytes: Uint8Array<ArrayBuffer> };

/**
 * What create-submission accepts: raw form values, validated there. `files` holds every file
 * part (a TF.js model can be several files); `file` is the one-file shorthand.
 */
export type SubmissionInput = Record<string, unknown> & { file?: UploadedFile | null; files?: UploadedFile[] };
