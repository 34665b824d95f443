import 'server-only';
import { Prisma } from '@tenfold/db';
import { z } from 'zod';
import { decideOwnerAccess } from '@/server/access/decide-owner-access';
import { ownerAccessError } from '@/server/access/owner-access-error';
import { recordAdminAction } from '@/server/access/record-admin-action';
import type { Actor } from '@/server/auth/authenticate-request';
import { refreshImageConsensus } from '@/server/consensus/refresh-image-consensus';
import { type Refused, refuse } from '@/server/http/refusal';
import { visibleModelsWhere } from '@/server/queries/public-submissions';
import type { OwnershipDeps } from '@/server/submissions/ownership-deps';
import { MODEL_NAME_MAX_LENGTH, MODEL_NAME_PATTERN, VISIBILITIES } from '@/server/submissions/submission-input';

export const updateModelSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'Give the model a name.')
      .max(MODEL_NAME_MAX_LENGTH, `Use a model name of at most ${MODEL_NAME_MAX_LENGTH} characters.`)
      .regex(MODEL_NAME_PATTERN, 'Use only letters, digits, spaces and . _ + - in the model name.')
      .optional(),
    visibility: z.enum(['public', 'private'], 'Visibility is "public" or "private".').optional(),
  })
  .refine(
    (input) => input.name !== undefined || input.visibility !== undefined,
    'Send a new name, a visibility or both.',
  );

export type UpdateModelInput = z.infer<typeof updateModelSchema>;

export type UpdateModelResult =
  | { ok: true; model: { id: string; name: string; visibility: 'public' | 'private' } }
  | Refused;

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** Renames a model or makes it public or private; private models leave leaderboards and counts at once. */
export async function updateModel(
  deps: Pick<OwnershipDeps, 'db'>,
  actor: Actor,
  id: string,
  input: UpdateModelInput,
): Promise<UpdateModelResult> {
  const model = await deps.db.model.findFirst({
    where: { AND: [{ id }, visibleModelsWhere(actor)] },
    select: { name: true, ownerId: true, visibility: true },
  });
  if (!model) return ownerAccessError('not_found', 'model');
  const access = decideOwnerAccess(actor, model);
  if (access !== 'allowed') return ownerAccessError(access, 'model');

  const data = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.visibility !== undefined ? { visibility: VISIBILITIES[input.visibility] } : {}),
  };
  try {
    const updated = await deps.db.$transaction(async (tx) => {
      const row = await tx.model.update({ where: { id }, data, select: { id: true, name: true, visibility: true } });
      await recordAdminAction(tx, actor, model.ownerId, {
        action: 'model.update',
        targetType: 'Model',
        targetId: id,
        details: { before: { name: model.name, visibility: model.visibility }, after: data },
      });
      return row;
    });
    if (updated.visibility !== model.visibility) await refreshImageConsensus(deps.db);
    return {
      ok: true,
      model: { id: updated.id, name: updated.name, visibility: updated.visibility === 'PUBLIC' ? 'public' : 'private' },
    };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return refuse(409, 'The owner already has a model with this name.');
    }
    throw error;
  }
}
