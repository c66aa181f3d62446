import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../lib/routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentRoute(): Route {
  return parseRoute(window.location.hash);
}

/** The page named by `window.location.hash`, updated on back/forward and link clicks. */
export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}
