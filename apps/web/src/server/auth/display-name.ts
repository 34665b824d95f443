import { z } from 'zod';

export const DISPLAY_NAME_MAX_LENGTH = 80;

/**
 * The name shown beside a user's models. React renders it as text, never markup; control
 * characters are refused anyway, so logs and exports stay clean.
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Give a name to show beside your models.')
  .max(DISPLAY_NAME_MAX_LENGTH, `Use a name of at most ${DISPLAY_NAME_MAX_LENGTH} characters.`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'Use a name without control characters.');
