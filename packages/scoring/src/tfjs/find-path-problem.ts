import { MAX_TFJS_PATH_LENGTH } from './tfjs-limits.ts';

/**
 * Says what is wrong with a path inside an uploaded archive (a zip member name, or a weight
 * file named by model.json), or returns null when it is a plain relative path. The rules are
 * stricter than any zip tool needs so that a name has exactly one meaning: no absolute paths,
 * no ".." or "." segments, no empty segments, no backslashes (a separator on Windows), and no
 * ":" (drive letters, and URL schemes such as http: or data: that a TF.js loader would fetch).
 */
export function findPathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > MAX_TFJS_PATH_LENGTH) return `is longer than ${MAX_TFJS_PATH_LENGTH} characters`;
  if (path.startsWith('/')) return 'is an absolute path';
  if (path.includes('\\')) return 'contains a backslash';
  if (path.includes(':')) return 'contains ":" (a drive letter or a URL scheme)';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  const segments = path.split('/');
  if (segments.includes('..')) return 'contains a ".." segment';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'contains an empty or "." segment';
  return null;
}
