import { usageError } from './exit-codes.ts';

export const DEFAULT_SERVER_URL = 'http://localhost:3000';

/** `https://tenfold.example/` and `https://tenfold.example` name the same server: one spelling. */
export function normalizeServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw usageError(`"${input}" is not a URL: give the server's address, e.g. ${DEFAULT_SERVER_URL}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`"${input}" is not an http(s) URL: give the server's address, e.g. ${DEFAULT_SERVER_URL}.`);
  }
  if (url.username || url.password)
    throw usageError('Put the API token in TENFOLD_TOKEN or `tenfold login`, not in the URL.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
