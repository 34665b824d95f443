/**
 * A problem with the submitted model itself (cannot be parsed, wrong shapes, too slow, ...).
 * Its message is shown to the submitter as is, so it must say what to fix. Model errors are
 * final: retrying cannot help. Every other error is treated as a platform fault and retried.
 */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError;
}
