import 'server-only';
import { type DatasetId, datasetEnumFromId, getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import { z } from 'zod';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { type Refused, refuse } from '@/server/http/refusal';
import { imageTargetId } from './image-target.ts';

export const MAX_FLAG_NOTE_LENGTH = 500;

export const flagImageLabelSchema = z.strictObject({
  suggestedClass: z
    .number('suggestedClass is a class index, 0 to 9.')
    .int('suggestedClass is a class index, 0 to 9.')
    .min(0, 'suggestedClass is a class index, 0 to 9.')
    .max(9, 'suggestedClass is a class index, 0 to 9.')
    .optional(),
  note: z
    .string('note is text.')
    .trim()
    .max(MAX_FLAG_NOTE_LENGTH, `The note is at most ${MAX_FLAG_NOTE_LENGTH} characters.`)
    .optional()
    .transform((value) => (value ? value : null)),
});

export type FlagImageLabelInput = z.infer<typeof flagImageLabelSchema>;

export type FlagImageLabelResult = { ok: true; flag: { id: string; isNew: boolean } } | Refused;

/**
 * Records a signed-in user's "the label looks wrong" on one test image, with its audit row in the
 * same transaction. One flag per user and image: flagging again answers the existing flag. The
 * official label and every score stay as they are; admins review flags in /admin/label-flags.
 */
export async function flagImageLabel(
  db: Db,
  actor: Actor,
  datasetId: DatasetId,
  imageIndex: number,
  input: FlagImageLabelInput,
): Promise<FlagImageLabelResult> {
  const count = getDatasetInfo(datasetId).splits.test.count;
  if (!Number.isInteger(imageIndex) || imageIndex < 0 || imageIndex >= count) {
    return refuse(404, `No such test image: indexes run from 0 to ${count - 1}.`);
  }
  const dataset = datasetEnumFromId(datasetId);
  return db.$transaction(async (tx) => {
    const existing = await tx.labelFlag.findUnique({
      where: { dataset_imageIndex_userId: { dataset, imageIndex, userId: actor.userId } },
      select: { id: true },
    });
    if (existing) return { ok: true as const, flag: { id: existing.id, isNew: false } };
    const flag = await tx.labelFlag.create({
      data: {
        dataset,
        imageIndex,
        userId: actor.userId,
        suggestedClass: input.suggestedClass ?? null,
        note: input.note,
      },
      select: { id: true },
    });
    await recordAuditEntry(tx, actor, {
      action: 'label.flag',
      targetType: 'Image',
      targetId: imageTargetId(datasetId, imageIndex),
      reason: input.note,
      details: { flagId: flag.id, suggestedClass: input.suggestedClass ?? null },
    });
    return { ok: true as const, flag: { id: flag.id, isNew: true } };
  });
}
