/** Runs once when the Next.js server starts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseUnsupportedMethods } = await import('./server/http/refuse-unsupported-methods.ts');
  const { stampSocketAddresses } = await import('./server/http/stamp-socket-address.ts');
  refuseUnsupportedMethods();
  stampSocketAddresses();
  const { sendPrecompressedExports } = await import('./server/http/send-precompressed-exports.ts');
  sendPrecompressedExports();
  // Installed last, so it runs first: a page answered from the page cache needs none of the above.
  const { sendCachedPages } = await import('./server/http/send-cached-pages.ts');
  sendCachedPages();
}
