import { z } from 'zod';

const envSchema = z.object({
  TENFOLD_DATASETS_DIR: z.string().min(1).optional(),
  SCORING_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(300_000),
  SCORING_MEMORY_MB: z.coerce.number().int().min(128).default(4_096),
  SCORING_THREADS: z.coerce.number().int().min(1).max(16).default(2),
  /** npm runs workspace scripts in the workspace folder; paths are relative to where npm was run. */
  INIT_CWD: z.string().min(1).default(process.cwd()),
});

/** The local score command's settings; generous defaults since it runs on the submitter's machine. */
export function readScoreEnv(source: NodeJS.ProcessEnv = process.env) {
  return envSchema.parse(source);
}
