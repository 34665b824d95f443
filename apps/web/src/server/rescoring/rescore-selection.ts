import { DATASET_IDS } from '@tenfold/datasets/catalog';
import { z } from 'zod';

/** Ids per batch when naming submissions one by one (a JSON body stays under 16 kB). */
export const MAX_SELECTED_IDS = 500;

const submissionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Submission ids are letters, digits, "-" and "_".');

/** What an admin asks to rescore. Only SCORED submissions are taken; the rest are counted as skipped. */
export const rescoreSelectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('submission'), submissionId }),
    z.strictObject({
      kind: z.literal('ids'),
      ids: z
        .array(submissionId)
        .min(1, 'Name at least one submission id.')
        .max(
          MAX_SELECTED_IDS,
          `At most ${MAX_SELECTED_IDS} ids; select by dataset, scorer version or backend for more.`,
        ),
    }),
    z.strictObject({
      kind: z.literal('dataset'),
      dataset: z.enum(DATASET_IDS, 'Dataset is "mnist" or "fashion-mnist".'),
    }),
    z.strictObject({ kind: z.literal('all') }),
    /** Everything whose evaluation in force came from an older scorer version than the current one. */
    z.strictObject({ kind: z.literal('older-scorer') }),
    /** Everything whose evaluation in force came from this inference backend (`Evaluation.backend`). */
    z.strictObject({ kind: z.literal('backend'), backend: z.string().trim().min(1, 'Name the backend.').max(100) }),
  ],
  'Selection kind is one of submission, ids, dataset, all, older-scorer, backend.',
);

export type RescoreSelection = z.infer<typeof rescoreSelectionSchema>;

export const createRescoreBatchSchema = z.strictObject({
  selection: rescoreSelectionSchema,
  reason: z
    .string('Give a reason: it is kept with the batch and in the audit log.')
    .trim()
    .min(3, 'Give a reason of at least 3 characters: it is kept with the batch and in the audit log.')
    .max(500, 'Keep the reason under 500 characters.'),
});

export type CreateRescoreBatchInput = z.infer<typeof createRescoreBatchSchema>;

/** One line for lists and the report header. */
export function describeSelection(selection: RescoreSelection): string {
  switch (selection.kind) {
    case 'submission':
      return `submission ${selection.submissionId}`;
    case 'ids':
      return `${selection.ids.length} selected submission${selection.ids.length === 1 ? '' : 's'}`;
    case 'dataset':
      return `everything scored on ${selection.dataset}`;
    case 'all':
      return 'everything scored';
    case 'older-scorer':
      return 'everything scored under an older scorer version';
    case 'backend':
      return `everything scored by ${selection.backend}`;
  }
}
