import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (never a downloaded one); `npm test` installs the package where it is missing. */
const CHROMIUM_PATH = '/usr/bin/chromium';

// Checked when a browser suite loads, so a missing browser fails that file with this reason
// instead of failing its beforeAll, which would report every test as skipped.
if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `chromium is missing at ${CHROMIUM_PATH}: run \`apt-get install chromium\` or \`npm test\`, which installs it.`,
  );
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A page whose console errors and uncaught exceptions land in `problems`: a CSP violation
 * shows up there. Dialogs (delete confirmations) are accepted.
 */
export async function newPage(
  browser: Browser,
  problems: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
}

/** Fills /sign-up like a person and waits for the page it sends them to. */
export async function signUpInBrowser(
  page: Page,
  baseUrl: string,
  user: { name: string; email: string; password: string },
  next = '/account',
): Promise<void> {
  await page.goto(`${baseUrl}/sign-up?next=${encodeURIComponent(next)}`);
  await page.fill('input[name="name"]', user.name);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await page.getByTestId('sign-up-submit').click();
  await page.waitForURL(`${baseUrl}${next}`);
}
