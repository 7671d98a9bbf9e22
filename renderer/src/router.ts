// Hash routes: they work the same from a file (Electron) and from the web host.
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'dashboard' }
  | { page: 'planning'; id: string }
  | { page: 'new' }
  | { page: 'edit'; id: string }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const [page = '', id = ''] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (page === 'planning' && id) return { page: 'planning', id };
  if (page === 'edit' && id) return { page: 'edit', id };
  if (page === 'new') return { page: 'new' };
  if (page === 'settings') return { page: 'settings' };
  return { page: 'dashboard' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return '#/';
    case 'planning':
    case 'edit':
      return `#/${route.page}/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
