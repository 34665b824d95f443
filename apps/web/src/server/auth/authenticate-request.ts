import 'server-only';
import { getDb, type Role } from '@tenfold/db';
import { getEnv } from '@/env';
import { verifyApiToken } from '@/server/tokens/verify-api-token';
import { getAuth } from './auth.ts';

/**
 * Who is making a request, how they proved it (`credentialId`: the session's or the API token's
 * id, for the audit log) and the rights that proof carries. `role` is those rights, not the
 * account's: an API token carries its owner's ordinary rights only, ADMIN needs the browser
 * session, so a leaked CI token cannot read others' private entries, change them or moderate.
 */
export type Actor = { userId: string; role: Role; via: 'session' | 'token'; credentialId: string };

export type Authentication = { kind: 'actor'; actor: Actor } | { kind: 'anonymous' } | { kind: 'invalid_token' };

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * An `Authorization: Bearer tf_...` header decides alone: a bad token is an error, never a
 * fallback to the cookie, so a script cannot silently act as whoever is signed in.
 */
export async function authenticateRequest(headers: Headers): Promise<Authentication> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const secret = BEARER.exec(authorization.trim())?.[1];
    const owner = secret ? await verifyApiToken(getDb(getEnv().DATABASE_URL), secret) : null;
    if (!owner) return { kind: 'invalid_token' };
    return { kind: 'actor', actor: { userId: owner.userId, role: 'USER', via: 'token', credentialId: owner.tokenId } };
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session) return { kind: 'anonymous' };
  return {
    kind: 'actor',
    actor: {
      userId: session.user.id,
      role: session.user.role ?? 'USER',
      via: 'session',
      credentialId: session.session.id,
    },
  };
}
