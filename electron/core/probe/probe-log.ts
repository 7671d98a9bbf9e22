// The probe's own log: what the robot did step by step, Playwright's call logs when an action failed, and what the
// browser said (console, page errors, failed requests). It is kept with the probe's evidence (hashed like the
// screenshot), never printed on the terminal.
import type { Page } from 'playwright-core';
import type { Clock } from '../clock.js';

/** A probe's log never grows past this (a looping page could write megabytes). */
const MAX_CHARS = 200_000;

export interface ProbeLog {
  add(line: string): void;
  /** Records the browser's own messages for this page. */
  watch(page: Page): void;
  text(): string;
}

export function createProbeLog(clock: Clock): ProbeLog {
  const lines: string[] = [];
  let size = 0;
  let cut = false;
  const add = (line: string): void => {
    if (cut) return;
    const stamped = `${clock.now().toISOString()} ${line}`;
    if (size + stamped.length > MAX_CHARS) {
      lines.push('… (journal tronqué)');
      cut = true;
      return;
    }
    size += stamped.length + 1;
    lines.push(stamped);
  };
  return {
    add,
    watch(page) {
      page.on('console', (message) => add(`[navigateur ${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => add(`[navigateur erreur de la page] ${error.message}`));
      page.on('requestfailed', (request) => add(`[navigateur requête échouée] ${request.url()} ${request.failure()?.errorText ?? ''}`));
      page.on('response', (response) => {
        if (response.status() >= 400) add(`[navigateur HTTP ${response.status()}] ${response.request().method()} ${response.url()}`);
      });
    },
    text: () => (lines.length === 0 ? '' : `${lines.join('\n')}\n`),
  };
}
