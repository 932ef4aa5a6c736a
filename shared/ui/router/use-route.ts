import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatRoute, initialHash, parseHash } from './routes';
import type { Route } from './routes';

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

/** Moves `?q=` / share parameters into the hash once, so reloads and history see one URL shape. */
export function adoptPageUrl(): void {
  const { search, hash, pathname } = window.location;
  const next = initialHash(search, hash);
  if (search || next !== hash) history.replaceState(history.state, '', pathname + next);
}

export function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const hash = formatRoute(next);
    if (options?.replace) {
      // replaceState fires no hashchange: typing in the search box must not flood history.
      history.replaceState(history.state, '', hash);
      setRoute(parseHash(hash));
    } else if (window.location.hash !== hash) {
      window.location.hash = hash;
    }
  }, []);
  return [route, navigate];
}
