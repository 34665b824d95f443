import 'server-only';
import type { Prisma } from '@tenfold/db';

/** Artifacts are shared by content hash: drop the given ones only if no submission uses them any more. */
export async function deleteOrphanArtifacts(tx: Prisma.TransactionClient, sha256s: string[]): Promise<void> {
  if (sha256s.length === 0) return;
  await tx.artifact.deleteMany({ where: { sha256: { in: sha256s }, submissions: { none: {} } } });
}
