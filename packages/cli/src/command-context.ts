import type { CliEnv } from './env.ts';
import type { Io } from './io.ts';

export type CommandContext = { env: CliEnv; io: Io };
