import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import PageCacheHandler, { readCachedPage } from '../page-cache/page-cache-handler.mjs';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function page(html: string, tags: string) {
  const headers: Record<string, unknown> = { 'x-next-cache-tags': tags };
  return { kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers, status: 200 };
}

describe('PageCacheHandler', () => {
  it('stores a page with a policy allowing exactly its inline scripts and styles by hash', async () => {
    const handler = new PageCacheHandler();
    const inline = ['(self.__next_f=self.__next_f||[]).push([0])', 'self.__next_f.push([1,"a\\u003c/script>"])'];
    const html = `<html><head><style>.a{}</style><script src="/_next/static/x.js" async=""></script></head><body><script>${inline[0]}</script><script>${inline[1]}</script></body></html>`;
    const data = page(html, '_N_T_/layout,_N_T_/datasets/mnist/layout');
    await handler.set('/route-cache/a', data, {});
    const policy = data.headers['content-security-policy'] as string;
    const scriptSrc = policy.split('; ').find((part) => part.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' ${sha256(inline[0] ?? '')} ${sha256(inline[1] ?? '')}`);
    expect(policy).toContain(`style-src 'self' ${sha256('.a{}')}`);
    expect(policy).not.toContain('unsafe-inline');
    const stored = await handler.get('/route-cache/a');
    expect(stored?.value.headers['content-security-policy']).toBe(policy);
  });

  it('never stores a page rendered with a request nonce', async () => {
    const handler = new PageCacheHandler();
    await handler.set('/route-cache/n', page('<script nonce="abc">x()</script>', '_N_T_/layout'), {});
    expect(await handler.get('/route-cache/n')).toBeNull();
  });

  it('drops every entry carrying a revalidated tag at once, and only those', async () => {
    const handler = new PageCacheHandler();
    await handler.set('/route-cache/mnist', page('<p>m</p>', '_N_T_/layout,_N_T_/datasets/mnist/layout'), {});
    await handler.set('/route-cache/fashion', page('<p>f</p>', '_N_T_/layout,_N_T_/datasets/fashion-mnist/layout'), {});
    await handler.revalidateTag(['_N_T_/datasets/mnist/layout']);
    expect(await handler.get('/route-cache/mnist')).toBeNull();
    expect(await handler.get('/route-cache/fashion')).not.toBeNull();
    await handler.revalidateTag('_N_T_/layout');
    expect(await handler.get('/route-cache/fashion')).toBeNull();
  });

  it('does not keep a page whose render began before one of its tags was revalidated', async () => {
    const handler = new PageCacheHandler();
    const startedAt = Date.now() - 1;
    await handler.revalidateTag('board:mnist');
    await handler.set('/route-cache/late', page('<p>old</p>', `board:mnist,rendered-at:${startedAt}`), {});
    expect(await handler.get('/route-cache/late')).toBeNull();
    await handler.set('/route-cache/late', page('<p>new</p>', `board:mnist,rendered-at:${Date.now() + 1}`), {});
    expect(await handler.get('/route-cache/late')).not.toBeNull();
  });

  it('finds a rendered page by its path for the front door, until its entry is replaced or dropped', async () => {
    const handler = new PageCacheHandler();
    const key = '/route-cache/APP_PAGE/7d64f1/$/datasets/mnist/board/sort=latency&page=2';
    await handler.set(key, page('<p>first</p>', 'board:mnist'), {});
    const first = readCachedPage('/datasets/mnist/board/sort=latency&page=2');
    expect(first?.value.html).toBe('<p>first</p>');
    expect(readCachedPage('/datasets/mnist/board/_')).toBeNull();
    await handler.set(key, page('<p>second</p>', 'board:mnist'), {});
    const second = readCachedPage('/datasets/mnist/board/sort=latency&page=2');
    expect(second?.value.html).toBe('<p>second</p>');
    expect(second).not.toBe(first);
    await handler.revalidateTag('board:mnist');
    expect(readCachedPage('/datasets/mnist/board/sort=latency&page=2')).toBeNull();
  });
});
