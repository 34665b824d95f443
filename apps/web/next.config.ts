import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Sent with every response. Pages also get a CSP: a per-request nonce from `src/proxy.ts` on
 * pages rendered per request, hashes of their own inline scripts on cached pages
 * (`page-cache/page-cache-handler.mjs`).
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/**
 * Route handlers answer JSON or redirects, never documents that run code, so their policy
 * allows nothing. (The proxy does not run for /api, so this is the only CSP they carry.)
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript source (with `.ts` import specifiers).
  transpilePackages: ['@tenfold/db', '@tenfold/queue', '@tenfold/datasets', '@tenfold/contract', '@tenfold/boards'],
  // Node-only packages with native parts, dynamic requires or their own runtime: loaded
  // from node_modules at run time instead of being bundled.
  serverExternalPackages: ['bullmq', 'ioredis', 'pg', '@prisma/client', '@prisma/adapter-pg'],
  outputFileTracingRoot: REPO_ROOT,
  // The proxy's rewrites to the cached routes (src/proxy.ts) must stay inside this server. Next.js
  // gives the proxy a URL on `localhost` unless this is set, while the router compares the rewrite
  // with the host `next start --hostname` names: under any other host name it took every rewrite
  // for an external one and fetched the page from itself over HTTP (a second request per page,
  // and ECONNRESET when the keep-alive socket it reused had just been closed).
  skipProxyUrlNormalize: true,
  // Public pages live here between changes of the data: in memory, dropped by tag at once.
  cacheHandler: fileURLToPath(new URL('./page-cache/page-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  turbopack: { root: REPO_ROOT },
  experimental: {
    // Uploads go to route handlers, which enforce MAX_UPLOAD_BYTES themselves while reading
    // the body. This only matters if the proxy's matcher is ever widened to /api: the proxy
    // buffers request bodies and would silently truncate an upload above this size.
    proxyClientMaxBodySize: '64mb',
  },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
    ];
  },
};

export default nextConfig;
