import { z } from 'zod';

const cellSchema = z
  .string()
  .regex(/^\d-\d$/)
  .transform((value) => ({ trueClass: Number(value[0]), predictedClass: Number(value[2]) }));

/** `?cell=3-5` (true class 3, predicted 5) from a page's searchParams; anything else is no cell. */
export function parseCell(value: string | string[] | undefined): { trueClass: number; predictedClass: number } | null {
  const result = cellSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return result.success ? result.data : null;
}
