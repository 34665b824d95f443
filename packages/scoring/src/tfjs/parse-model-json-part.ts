import type { z } from 'zod';
import { ModelError } from '../errors.ts';

/** Parses part of model.json with a schema; the first problems, with their paths, go to the submitter. */
export function parseModelJsonPart<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => `${[where, ...issue.path.map(String)].filter((part) => part !== '').join('.')}: ${issue.message}`)
    .join('; ');
  throw new ModelError(`model.json is not a TF.js model Tenfold can read: ${problems}`);
}
