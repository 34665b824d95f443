import { createHash, randomBytes } from 'node:crypto';

/** `tf_` then 32 random bytes in base64url: 256 bits, recognisable by secret scanners. */
export const API_TOKEN_PATTERN = /^tf_[A-Za-z0-9_-]{43}$/;

/** Shown beside the token's name so a user can tell tokens apart without the secret. */
const VISIBLE_PREFIX_LENGTH = 10;

export type ApiTokenSecret = { secret: string; prefix: string; hash: string };

/**
 * SHA-256 is enough here: the secret is random with 256 bits of entropy, so a slow password
 * hash would add nothing but latency to every API call; a leaked hash cannot be reversed.
 */
export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiTokenSecret(): ApiTokenSecret {
  const secret = `tf_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashApiTokenSecret(secret) };
}
