/**
 * Every view has a hash URL, so a plain static host serves all of them with no rewrites
 * and the service worker only ever needs index.html. `?q=` in the page URL is accepted too
 * (links typed by hand, the manifest's shortcuts); `?text=` is a Web Share Target visit.
 */
import { PRODUCTS } from '../../kb/types';
import type { Product } from '../../kb/types';

export type Route =
  | { view: 'home'; query: string; products: Product[] }
  | { view: 'article'; id: string }
  | { view: 'explain' }
  | { view: 'diagnose'; flow?: string; step?: string }
  | { view: 'saved' }
  | { view: 'not-found'; path: string };

export const HOME: Route = { view: 'home', query: '', products: [] };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => safeDecode(p));
  const [head, ...rest] = parts;
  if (head === undefined) return homeRoute(params);
  if (head === 'a' && rest.length === 1) return { view: 'article', id: rest[0]! };
  if (head === 'explain' && rest.length === 0) return { view: 'explain' };
  if (head === 'saved' && rest.length === 0) return { view: 'saved' };
  if (head === 'diagnose' && rest.length <= 2) return { view: 'diagnose', flow: rest[0], step: rest[1] };
  return { view: 'not-found', path: '/' + parts.join('/') };
}

function homeRoute(params: URLSearchParams): Route {
  return { view: 'home', query: params.get('q') ?? '', products: parseProducts(params.get('p')) };
}

export function parseProducts(value: string | null): Product[] {
  if (!value) return [];
  const wanted = new Set(value.split(','));
  return PRODUCTS.filter((p) => wanted.has(p));
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'home': {
      const params = new URLSearchParams();
      if (route.query) params.set('q', route.query);
      if (route.products.length) params.set('p', route.products.join(','));
      const search = params.toString();
      return search ? `#/?${search}` : '#/';
    }
    case 'article':
      return `#/a/${encodeURIComponent(route.id)}`;
    case 'explain':
      return '#/explain';
    case 'saved':
      return '#/saved';
    case 'diagnose':
      return (
        '#/' +
        ['diagnose', route.flow, route.step]
          .filter((p): p is string => !!p)
          .map(encodeURIComponent)
          .join('/')
      );
    case 'not-found':
      return '#' + route.path;
  }
}

export const articleHref = (id: string) => formatRoute({ view: 'article', id });

/** Text shared into the app (Web Share Target, GET): title, text and url joined, or undefined. */
export function sharedText(search: string): string | undefined {
  const params = new URLSearchParams(search);
  const parts = ['title', 'text', 'url'].map((k) => params.get(k)?.trim()).filter((v): v is string => !!v);
  return parts.length ? parts.join('\n') : undefined;
}

/**
 * The route a page URL asks for before the hash takes over: a share, then `?q=`, then the hash.
 * Returns the hash to show, so the query can be dropped from the address bar.
 */
export function initialHash(search: string, hash: string): string {
  if (sharedText(search) !== undefined) return '#/explain';
  const params = new URLSearchParams(search);
  const q = params.get('q');
  if (q !== null && (hash === '' || hash === '#' || hash === '#/')) {
    return formatRoute({ view: 'home', query: q, products: parseProducts(params.get('p')) });
  }
  return hash || '#/';
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
