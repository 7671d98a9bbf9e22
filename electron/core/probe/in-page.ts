// Functions that run in the page, on one element or on a list of them. Core is compiled without the DOM's types,
// and Playwright runs a string as an expression (not as a function of the element): the bodies are plain
// JavaScript turned into functions here, whose source Playwright sends to the page. The tests run them in Chromium.

/** `(el, arg) => …` from its body; R is what the body returns. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- R documents what the page returns
export function onElement<R>(body: string): (el: unknown, arg?: unknown) => R {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body of ours, run in the page, never here
  return new Function('el', 'arg', body) as (el: unknown, arg?: unknown) => R;
}
