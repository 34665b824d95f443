// Plain JavaScript: imported by src/proxy.ts (bundled) and by page-cache-handler.mjs, which
// Next.js loads with Node.js itself, outside the bundler.
import { createHash } from 'node:crypto';

/**
 * The site's policy. `scripts` and `styles` are the sources allowed beside 'self': a
 * per-request nonce on pages rendered per request, the SHA-256 of each inline element on
 * cached pages. Neither form allows an inline script the server did not emit.
 * @param {{ scripts: string[], styles: string[], isDevelopment: boolean }} sources
 * @returns {string}
 */
export function buildContentSecurityPolicy({ scripts, styles, isDevelopment }) {
  return [
    "default-src 'self'",
    // React's dev tooling evaluates code; production never does.
    ['script-src', "'self'", ...scripts, ...(isDevelopment ? ["'unsafe-eval'"] : [])].join(' '),
    // The dev overlay injects inline styles; production pages use stylesheets only.
    ['style-src', "'self'", ...(isDevelopment ? ["'unsafe-inline'"] : styles)].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// React escapes `</` inside the inline scripts it writes (the RSC payload), so the first closing
// tag ends the element. Elements with `src` are files from 'self'.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

/** @param {string} text */
function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy for one rendered HTML document: every inline script and style it contains, by
 * hash. Computed once when the page enters the cache, so a cached page needs no nonce.
 * @param {string} html
 * @returns {string}
 */
export function buildHashedContentSecurityPolicy(html) {
  const scripts = new Set(Array.from(html.matchAll(INLINE_SCRIPT), (match) => hashSource(match[1] ?? '')));
  const styles = new Set(Array.from(html.matchAll(INLINE_STYLE), (match) => hashSource(match[1] ?? '')));
  return buildContentSecurityPolicy({ scripts: [...scripts], styles: [...styles], isDevelopment: false });
}
