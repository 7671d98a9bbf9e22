// On a page change, the focus goes to the new page's heading, as a screen reader user expects after following
// a link (a single-page app otherwise leaves it on the body, or on a link that no longer exists).
import { useEffect, useRef } from 'react';
import { METHOD_SECTIONS, type Route } from '../router';

/** A page change, not a day chosen in the same planning's calendar (that one focuses its own heading). */
function pageKey(route: Route): string {
  switch (route.page) {
    case 'planning':
    case 'edit':
      return `${route.page}/${route.id}`;
    case 'method':
      return route.section ? `method/${route.section}` : 'method';
    default:
      return route.page;
  }
}

/** The heading to focus: the page's title, or the part of « Méthode » a link pointed at. */
function headingSelector(route: Route): string {
  const section = route.page === 'method' ? METHOD_SECTIONS.find((name) => name === route.section) : undefined;
  return section ? `#method-${section}-title` : '#main h2';
}

/** Pages load their data first: the heading is looked for a few seconds, frame by frame. */
export function useFocusOnPageChange(route: Route): void {
  const key = pageKey(route);
  const selector = headingSelector(route);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frame = 0;
    const until = performance.now() + 5000;
    const look = () => {
      const heading = document.querySelector<HTMLElement>(selector);
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        return;
      }
      if (performance.now() < until) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [key, selector]);
}
