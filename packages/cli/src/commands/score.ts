import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CommandContext } from '../command-context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Command } from '../parse-command-line.ts';

/**
 * The local scoring command lives in @tenfold/scoring (`npm run score`); this runs that same
 * command so there is one implementation, and as `npm run score` runs it: its build, so the
 * scoring process starts compiled too. Run by Node directly, not through npm: npm would set
 * INIT_CWD, against which the command resolves the model's path, to the package's folder.
 */
function scoringPackageDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@tenfold/scoring')), '..');
}

/** Runs a command to its end with the terminal's output; its exit code. */
async function run(file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }) {
  const child = spawn(file, args, { ...options, stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return code;
}

/** The scorer's own codes are 0 scored, 1 model refused, 2 usage, 3 other failure; 3 is auth here. */
function mapScoreExitCode(code: number | null): ExitCode {
  if (code === 0 || code === 1 || code === 2) return code;
  return EXIT.server;
}

export async function runScore(command: Extract<Command, { name: 'score' }>, context: CommandContext): Promise<number> {
  const packageDir = scoringPackageDir();
  const scoreCommand = join(packageDir, 'dist', 'score-command.mjs');
  // A checkout that was never built: `npm run score`'s own first step builds the scorer.
  if (!existsSync(scoreCommand) && (await run('npm', ['run', '--silent', 'prescore'], { cwd: packageDir })) !== 0) {
    return EXIT.server;
  }
  // INIT_CWD: the score command resolves the model path against it (it is normally run by npm).
  const code = await run(process.execPath, [scoreCommand, ...command.args], {
    env: { ...process.env, INIT_CWD: context.env.workingDir },
  });
  return mapScoreExitCode(code);
}
