import { useEffect, useRef } from 'preact/hooks';
import { formatRoute } from '../router/routes';
import type { Route } from '../router/routes';

/**
 * After a navigation, start at the top and put focus on the new view's heading, so screen
 * readers announce it and Tab continues from there. Typing in the search box (which only
 * rewrites the query) is not a navigation. The first view keeps the browser's own focus.
 */
export function useRouteFocus(route: Route): void {
  const previous = useRef<string>();
  const page = route.view === 'home' ? 'home' : formatRoute(route);
  useEffect(() => {
    const first = previous.current === undefined;
    const changed = previous.current !== page;
    previous.current = page;
    document.title = titleFor(route);
    if (first || !changed) return;
    window.scrollTo(0, 0);
    if (route.view !== 'home') {
      // The heading renders with the view; wait a frame for lazily built views.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-page-heading]')?.focus({ preventScroll: true }),
      );
    }
  });
}

function titleFor(route: Route): string {
  const heading = document.querySelector('[data-page-heading]')?.textContent?.trim();
  if (route.view === 'home') return route.query ? `${route.query} · SyncFix` : 'SyncFix · mobile email field guide';
  return heading ? `${heading} · SyncFix` : 'SyncFix';
}
