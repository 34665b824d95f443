import { HomePage } from './home/home-page.tsx';

/**
 * The proxy rewrites `/` to the cached `/home/<view>`; this answers only where it did not run,
 * and is rendered per request so that `next build` never needs the database.
 */
export const dynamic = 'force-dynamic';

export default function RootPage() {
  return HomePage();
}
