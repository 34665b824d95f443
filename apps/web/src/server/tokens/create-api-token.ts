import 'server-only';
import type { Db } from '@tenfold/db';
import { z } from 'zod';
import { type Refused, refuse } from '@/server/http/refusal';
import { generateApiTokenSecret } from './api-token-secret.ts';

/** Enough for a laptop, CI and a few scripts; a cap keeps a leaked session from minting thousands. */
export const MAX_ACTIVE_TOKENS = 20;

export const createApiTokenSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token after where it will be used, such as "laptop" or "CI".')
    .max(60, 'Use a token name of at most 60 characters.')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'Use a token name without control characters.'),
});

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type CreateApiTokenResult = { ok: true; token: ApiTokenView; secret: string } | Refused;

/** Stores a new token's hash and returns its secret, the only time the secret exists outside the caller. */
export async function createApiToken(
  db: Db,
  userId: string,
  input: z.infer<typeof createApiTokenSchema>,
): Promise<CreateApiTokenResult> {
  const active = await db.apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) {
    return refuse(409, `You have ${MAX_ACTIVE_TOKENS} active tokens: revoke one first.`);
  }
  const { secret, prefix, hash } = generateApiTokenSecret();
  const token = await db.apiToken.create({
    data: { userId, name: input.name, prefix, tokenHash: hash },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return { ok: true, token, secret };
}
