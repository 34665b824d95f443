import { callApiJson } from '../api-client.ts';
import { leaderboardSchema } from '../api-schemas.ts';
import type { CommandContext } from '../command-context.ts';
import { EXIT } from '../exit-codes.ts';
import { formatLeaderboard } from '../format-leaderboard.ts';
import type { Command } from '../parse-command-line.ts';
import { resolveSession } from '../resolve-session.ts';

export async function runLeaderboard(
  command: Extract<Command, { name: 'leaderboard' }>,
  context: CommandContext,
): Promise<number> {
  const session = await resolveSession(context.env, command.url);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(command.query)) if (value !== undefined) params.set(key, String(value));
  const query = params.size > 0 ? `?${params}` : '';
  const board = await callApiJson(session, `/leaderboards/${command.dataset}${query}`, leaderboardSchema);
  context.io.out(command.isJson ? JSON.stringify(board, null, 2) : formatLeaderboard(board));
  return EXIT.ok;
}
