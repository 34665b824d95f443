// `npm run seed -w @tenfold/db`: rows every environment needs. Idempotent; exits 1 on failure.
import { disconnectDb, getDb } from './client.ts';
import { upsertCommunityUser } from './community-user.ts';
import { getDbEnv } from './env.ts';
import { redactUrl } from './migrate/database-url.ts';

async function seed(): Promise<void> {
  const { DATABASE_URL } = getDbEnv();
  try {
    const user = await upsertCommunityUser(getDb(DATABASE_URL));
    console.log(`Seeded ${redactUrl(DATABASE_URL)}: community user ${user.email} (${user.id}).`);
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
