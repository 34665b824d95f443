// `npm run seed -w @tenfold/db`: rows every environment needs. Idempotent; exits 1 on failure.
// Today that is the first admin: the account named by TENFOLD_ADMIN_EMAIL, if it exists yet
// (the web app promotes it when it signs up later).
import { disconnectDb, getDb } from './client.ts';
import { getDbEnv } from './env.ts';
import { redactUrl } from './migrate/database-url.ts';
import { setUserRole } from './users/set-user-role.ts';

async function seed(): Promise<void> {
  const { DATABASE_URL, TENFOLD_ADMIN_EMAIL } = getDbEnv();
  const target = redactUrl(DATABASE_URL);
  try {
    const db = getDb(DATABASE_URL);
    // Connects even when there is nothing to do, so a missing database fails here, not later.
    await db.$queryRaw`SELECT 1`;
    if (!TENFOLD_ADMIN_EMAIL) {
      console.log(`Seeded ${target}: nothing to do (set TENFOLD_ADMIN_EMAIL to name the first admin).`);
      return;
    }
    const result = await setUserRole(db, {
      user: { email: TENFOLD_ADMIN_EMAIL },
      role: 'ADMIN',
      actorId: null,
      source: 'TENFOLD_ADMIN_EMAIL',
    });
    console.log(
      result.ok
        ? `Seeded ${target}: ${result.user.email} is an admin.`
        : `Seeded ${target}: ${TENFOLD_ADMIN_EMAIL} becomes an admin when it signs up.`,
    );
  } finally {
    await disconnectDb(DATABASE_URL);
  }
}

seed().catch((error: unknown) => {
  // Prisma's errors carry a readable message; their stacks point into the query engine.
  const isPrismaError = error instanceof Error && error.name.startsWith('PrismaClient');
  console.error('Seeding failed:', isPrismaError ? error.message.trim() : error);
  console.error(
    "Is PostgreSQL running and migrated? 'npm run db:migrate -- deploy' creates and migrates the database.",
  );
  process.exitCode = 1;
});
