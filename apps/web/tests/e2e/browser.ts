import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

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

/** Debian's Chromium (never a downloaded one). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
