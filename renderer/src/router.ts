// Hash routes: they work the same from a file (Electron) and from the web host.
import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'dashboard' }
  /** `day`: a month (YYYY-MM) or a day (YYYY-MM-DD) of the evidence browser. */
  | { page: 'planning'; id: string; day?: string }
  | { page: 'new' }
  | { page: 'edit'; id: string }
  | { page: 'settings' }
  /** « Vérifier les preuves »: a check of the data folder, and a restore in place acknowledged. */
  | { page: 'verify' }
  | { page: 'method'; section?: MethodSection };

/** The parts of the « Méthode » page other pages link to. */
export const METHOD_SECTIONS = ['categories', 'bars', 'proof', 'dossier'] as const;
export type MethodSection = (typeof METHOD_SECTIONS)[number];

export function parseRoute(hash: string): Route {
  const [page = '', id = '', day = ''] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (page === 'planning' && id) return /^\d{4}-\d{2}(-\d{2})?$/.test(day) ? { page: 'planning', id, day } : { page: 'planning', id };
  if (page === 'edit' && id) return { page: 'edit', id };
  if (page === 'new') return { page: 'new' };
  if (page === 'settings') return { page: 'settings' };
  if (page === 'verify') return { page: 'verify' };
  if (page === 'method') {
    const section = METHOD_SECTIONS.find((name) => name === id);
    return section ? { page: 'method', section } : { page: 'method' };
  }
  return { page: 'dashboard' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return '#/';
    case 'planning':
      return `#/planning/${encodeURIComponent(route.id)}${route.day ? `/${route.day}` : ''}`;
    case 'edit':
      return `#/${route.page}/${encodeURIComponent(route.id)}`;
    case 'method':
      return route.section ? `#/method/${route.section}` : '#/method';
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
