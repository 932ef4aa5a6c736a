import { describe, expect, it } from 'vitest';
import { formatRoute, initialHash, parseHash, sharedText } from './routes';
import type { Route } from './routes';

describe('routes', () => {
  it('round-trips every view through its hash', () => {
    const routes: Route[] = [
      { view: 'home', query: '', products: [] },
      { view: 'home', query: 'activation email / “quotes” & more', products: ['bes', 'seg'] },
      { view: 'article', id: 'bes-it-policy-rejected' },
      { view: 'explain' },
      { view: 'saved' },
      { view: 'diagnose' },
      { view: 'diagnose', flow: 'bes-activation' },
      { view: 'diagnose', flow: 'bes-activation', step: 'activation-email' },
    ];
    for (const route of routes) {
      const parsed = parseHash(formatRoute(route));
      expect(parsed).toEqual({ ...route, ...(route.view === 'diagnose' && { flow: route.flow, step: route.step }) });
    }
  });

  it('reads an empty or bare hash as the home view', () => {
    expect(parseHash('')).toEqual({ view: 'home', query: '', products: [] });
    expect(parseHash('#')).toEqual({ view: 'home', query: '', products: [] });
    expect(parseHash('#/')).toEqual({ view: 'home', query: '', products: [] });
  });

  it('ignores unknown products and survives malformed escapes', () => {
    expect(parseHash('#/?q=x&p=seg,printer,bes')).toEqual({ view: 'home', query: 'x', products: ['bes', 'seg'] });
    expect(parseHash('#/a/%E0%A4%A')).toEqual({ view: 'article', id: '%E0%A4%A' });
  });

  it('reports unknown paths as not found instead of guessing', () => {
    expect(parseHash('#/nope/deeper')).toEqual({ view: 'not-found', path: '/nope/deeper' });
    expect(parseHash('#/a/one/two').view).toBe('not-found');
  });

  it('turns ?q= in the page URL into the search hash, unless the hash already names a view', () => {
    expect(initialHash('?q=IT%20policy', '')).toBe('#/?q=IT+policy');
    expect(initialHash('?q=x&p=bes', '#/')).toBe('#/?q=x&p=bes');
    expect(initialHash('?q=x', '#/a/some-article')).toBe('#/a/some-article');
    expect(initialHash('', '')).toBe('#/');
  });

  it('opens Explain for a Web Share Target visit, joining title, text and url', () => {
    expect(sharedText('?title=From%20phone&text=IT%20Policy%20Rejected&url=')).toBe('From phone\nIT Policy Rejected');
    expect(initialHash('?text=hello', '')).toBe('#/explain');
    expect(sharedText('?q=hello')).toBeUndefined();
  });
});
