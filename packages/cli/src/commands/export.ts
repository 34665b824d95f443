import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { callApi } from '../api-client.ts';
import type { CommandContext } from '../command-context.ts';
import { EXIT, usageError } from '../exit-codes.ts';
import { formatBytes } from '../format-table.ts';
import type { Command } from '../parse-command-line.ts';
import { resolveSession } from '../resolve-session.ts';

export async function runExport(
  command: Extract<Command, { name: 'export' }>,
  context: CommandContext,
): Promise<number> {
  const session = await resolveSession(context.env, command.url);
  const response = await callApi(session, `/leaderboards/${command.dataset}/export?format=${command.format}`, {
    accept: command.format === 'csv' ? 'text/csv' : 'application/json',
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (command.outputPath === undefined) {
    context.io.outRaw(bytes);
    return EXIT.ok;
  }
  const path = resolve(command.outputPath);
  await writeFile(path, bytes).catch((error: NodeJS.ErrnoException) => {
    throw usageError(`Cannot write ${path}: ${error.code ?? error.message}.`);
  });
  if (command.isJson) context.io.out(JSON.stringify({ output: path, bytes: bytes.byteLength, format: command.format }));
  else context.io.err(`Wrote the ${command.dataset} leaderboard (${formatBytes(bytes.byteLength)}) to ${path}`);
  return EXIT.ok;
}
