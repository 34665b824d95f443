import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './browser.ts';
import { startWebApp, type WebApp } from './web-app.ts';

// The guides in docs/guides/ as the site shows them: linked from every page's footer, rendered
// from markdown (tables and code included) without inline scripts or styles, readable on a phone,
// with the runnable examples they link to served as text. Needs `npx next build` first.

const VIEWPORTS = { phone: { width: 360, height: 740 }, laptop: { width: 1280, height: 900 } };

let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp('cli_guides');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

describe.each(Object.entries(VIEWPORTS))('the guides at %s size', (_size, viewport) => {
  it('are reached from the footer and render the PyTorch guide in full', async () => {
    const problems: string[] = [];
    const { context, page } = await newPage(browser, problems, { viewport });
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Guides' }).click();
    await page.waitForURL(`${app.baseUrl}/guides`);
    await expect(page.getByTestId('guide-card').count()).resolves.toBe(3);

    await page.getByTestId('guide-card').filter({ hasText: 'PyTorch' }).click();
    await page.waitForURL(`${app.baseUrl}/guides/pytorch`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Submitting a PyTorch model');
    await expect(page.locator('.guide-prose pre code').first().textContent()).resolves.toContain('torch.onnx.export(');
    // What each PyTorch version writes (one file or two), then the scaling to declare.
    const files = page.locator('.guide-prose table').first();
    await expect(files.locator('tbody tr').count()).resolves.toBe(3);
    await expect(files.textContent()).resolves.toContain('model.onnx.data');
    const table = page.locator('.guide-prose table').nth(1);
    await expect(table.locator('tbody tr').count()).resolves.toBe(4);
    await expect(table.textContent()).resolves.toContain('--scale standard');
    // Links between markdown files become links between pages.
    await expect(page.getByRole('link', { name: 'the command line guide' }).getAttribute('href')).resolves.toBe(
      '/guides/cli',
    );
    // Nothing wider than the screen but the code blocks and tables, which scroll inside themselves.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems, 'console errors (a CSP violation shows up here)').toEqual([]);
    await context.close();
  });
});

describe('guide pages and examples', () => {
  it('render every guide, answer 404 for others, and serve only the listed examples', async () => {
    for (const slug of ['cli', 'pytorch', 'keras-tfjs']) {
      const response = await fetch(`${app.baseUrl}/guides/${slug}`);
      expect(response.status, slug).toBe(200);
    }
    const cli = await (await fetch(`${app.baseUrl}/guides/cli`)).text();
    expect(cli).toContain('Exit codes');
    expect((await fetch(`${app.baseUrl}/guides/nope`)).status).toBe(404);

    const example = await fetch(`${app.baseUrl}/guides/examples/pytorch/train_and_export.py`);
    expect(example.status).toBe(200);
    expect(example.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await example.text()).toContain('torch.onnx.export(');
    expect((await fetch(`${app.baseUrl}/guides/examples/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/guides/examples/pytorch/missing.py`)).status).toBe(404);
  });
});
