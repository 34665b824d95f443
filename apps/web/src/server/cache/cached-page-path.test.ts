import { describe, expect, it } from 'vitest';
import { findCachedPageRoute, paramsOfView } from './cached-page-path.ts';

const route = (path: string, isSignedIn = false) => findCachedPageRoute(new URL(path, 'http://localhost'), isSignedIn);

describe('findCachedPageRoute', () => {
  it('rewrites every spelling of one board state to one canonical view', () => {
    expect(route('/datasets/mnist')).toEqual({ isCached: true, rewriteTo: '/datasets/mnist/board/_' });
    expect(route('/datasets/mnist?sort=rank&page=1&junk=1')).toEqual(route('/datasets/mnist'));
    expect(route('/datasets/mnist?page=40&sort=latency')).toEqual({
      isCached: true,
      rewriteTo: `/datasets/mnist/board/${encodeURIComponent('sort=latency&page=40')}`,
    });
    expect(route('/datasets/mnist?page=oops')).toEqual(route('/datasets/mnist'));
  });

  it('caches the other public pages, and keeps a signed-in visitor model and label-error pages and private pages per request', () => {
    expect(route('/')).toEqual({ isCached: true, rewriteTo: '/home/_' });
    expect(route('/mnist-vs-fashion?sort=mnist&dir=up')).toEqual({
      isCached: true,
      rewriteTo: '/mnist-vs-fashion/sort%3Dmnist',
    });
    expect(route('/trade-offs?dataset=mnist')).toEqual({ isCached: true, rewriteTo: '/trade-offs/_' });
    expect(route('/models/abc?dataset=mnist&cell=3-5')).toEqual({
      isCached: true,
      rewriteTo: `/models/abc/public/${encodeURIComponent('dataset=mnist&cell=3-5')}`,
    });
    expect(route('/models/abc', true)).toEqual({ isCached: false });
    for (const path of ['/datasets/mnist/card', '/datasets/fashion-mnist/consensus']) {
      expect(route(path, true), path).toEqual({ isCached: true, rewriteTo: null });
    }
    expect(route('/datasets/mnist/label-errors?x=1')).toEqual({
      isCached: true,
      rewriteTo: '/datasets/mnist/label-errors/_',
    });
    expect(route('/datasets/mnist/label-errors', true)).toEqual({ isCached: false });
    // The proxy runs again on the path its rewrite produced.
    const internals = ['/home/_', '/datasets/mnist/board/_', '/models/abc/public/_', '/trade-offs/_'];
    for (const internal of [...internals, '/datasets/mnist/label-errors/_']) {
      expect(route(internal, true), internal).toEqual({ isCached: true, rewriteTo: null });
    }
    expect(route('/guides/submit-with-the-cli')).toEqual({ isCached: true, rewriteTo: null });
    for (const path of ['/account', '/admin', '/settings/tokens', '/submissions/abc', '/submit', '/compare']) {
      expect(route(path), path).toEqual({ isCached: false });
    }
  });
});

describe('paramsOfView', () => {
  it('gives back the parameters of a canonical view and refuses any other spelling', () => {
    expect(paramsOfView('board', encodeURIComponent('sort=latency&page=40'))).toEqual({ sort: 'latency', page: '40' });
    expect(paramsOfView('board', '_')).toEqual({});
    expect(paramsOfView('board', encodeURIComponent('page=40&sort=latency'))).toBeNull();
    expect(paramsOfView('board', encodeURIComponent('sort=rank'))).toBeNull();
    expect(paramsOfView('home', 'anything')).toBeNull();
    expect(paramsOfView('labelErrors', '_')).toEqual({});
    expect(paramsOfView('labelErrors', 'flagged')).toBeNull();
  });
});

describe('paramsOfView on typed paths', () => {
  it('refuses what does not decode', () => {
    expect(paramsOfView('board', '%E0%A4%A')).toBeNull();
    expect(paramsOfView('model', '..')).toBeNull();
  });
});
