import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The whole hash, for pages that read more than the route from it (the workflow editor's id). */
export function useHashLocation(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
