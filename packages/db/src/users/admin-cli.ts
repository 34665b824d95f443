// `npm run admin -- promote <email>` / `demote <email>`: gives an existing account the ADMIN or
// USER role (DATABASE_URL selects the database) and records it in the audit log. Exits 1 on failure.
import { z } from 'zod';
import { disconnectDb, getDb } from '../client.ts';
import { getDbEnv } from '../env.ts';
import { redactUrl } from '../migrate/database-url.ts';
import { setUserRole } from './set-user-role.ts';

const USAGE = `Usage: npm run admin -- promote <email>   make the account with this email an admin
       npm run admin -- demote <email>    make it a plain user again
The account must exist: sign up on the site first. DATABASE_URL selects the database.`;

const argsSchema = z.tuple([z.enum(['promote', 'demote']), z.email()]);

async function main(args: string[]): Promise<number> {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) {
    console.error(USAGE);
    return 1;
  }
  const [command, email] = parsed.data;
  const { DATABASE_URL } = getDbEnv();
  try {
    const result = await setUserRole(getDb(DATABASE_URL), {
      user: { email },
      role: command === 'promote' ? 'ADMIN' : 'USER',
      actorId: null,
      source: 'admin command',
    });
    if (!result.ok) {
      console.error(`No account with the email ${email} in ${redactUrl(DATABASE_URL)}: sign up on the site first.`);
      return 1;
    }
    const { user, isChanged } = result;
    console.log(isChanged ? `${user.email} is now ${user.role}.` : `${user.email} already was ${user.role}.`);
    return 0;
  } finally {
    await disconnectDb(DATABASE_URL);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Prisma's errors carry a readable message; their stacks point into the query engine.
    const isPrismaError = error instanceof Error && error.name.startsWith('PrismaClient');
    console.error('The admin command failed:', isPrismaError ? error.message.trim() : error);
    process.exitCode = 1;
  },
);
