// What a person perceives on a page: its visible text, the visible controls by role and accessible name (enabled
// or not), the layers over the page (dialogs, fixed banners, a consent manager's frame) with their own text and
// controls, the page's main heading and alerts. Hidden, closed, zero-size and off-page elements never count.
// Each control is marked in the page, so that the robot acts on that very element.
import type { Frame, Locator, Page } from 'playwright-core';
import { CAPTCHA_SELECTORS, CHALLENGE_SELECTORS } from './classify.js';
import { PageNoAnswer, pageAnswer, unlessNoAnswer } from './page-answer.js';
import { PERCEIVE_SCRIPT } from './perceive-script.js';

const MARK = 'data-guichets-id';
const FRAME_MARK = 'data-guichets-frame';

export interface Control {
  /** Unique within one perception ("12", or "f1:3" in a layer's frame). */
  id: string;
  /** button, link, checkbox, radio, combobox, option, tab… */
  role: string;
  name: string;
  /** The words the control shows, when its name (an aria-label) says something else: what a person reads. */
  shown?: string;
  /** The control's title, when it says more than its name. */
  description: string;
  disabled: boolean;
  /** The layer it belongs to (index in `layers`), null on the page itself. */
  layer: number | null;
  /** 'nav' in the site's header, footer or navigation; 'main' elsewhere. */
  zone: 'nav' | 'main';
  tag: string;
  href?: string;
  /** A link's card title (the heading above it in its box). */
  card?: string;
  /** In a table's cell: its row and column date it. */
  cell?: boolean;
  checked?: boolean;
  required?: boolean;
  value?: string;
  /** Radios and boxes: their input name and their group's legend. */
  group?: string;
  options?: { value: string; text: string; disabled: boolean }[];
  /** Text around the control that may date it (table headers, legends, headings before it), nearest first. */
  context?: string[];
  /** The layer lying over its centre, if any. */
  coveredBy?: number;
}

export interface Layer {
  index: number;
  /** A dialog, or a box marked modal. */
  modal: boolean;
  fixed: boolean;
  /** Share of the window it covers (0–1). */
  share: number;
  shown: boolean;
  z: number;
  text: string;
}

export interface Seen {
  url: string;
  title: string;
  /** The page's main heading (its first visible h2, else h1), outside layers. */
  heading: string;
  /** Its first visible h1 (the title of a démarche or a form). */
  h1: string;
  /** The visible text of the whole page, lines as shown. */
  text: string;
  controls: Control[];
  layers: Layer[];
  /** Visible alerts and error messages. */
  alerts: string[];
  /** The content of a `<meta http-equiv="refresh">`, null when there is none. */
  refresh: string | null;
  busy: boolean;
  /** A bot wall's challenge (Turnstile, DataDome, Imperva) is on the page. */
  challenge: boolean;
  /** A visible captcha is on the page. */
  captcha: boolean;
}

interface RawSeen extends Seen {
  frames: { layer: number }[];
}

const ARGS = JSON.stringify([MARK, FRAME_MARK, CHALLENGE_SELECTORS, CAPTCHA_SELECTORS]);
const EMPTY: Seen = { url: '', title: '', heading: '', h1: '', text: '', controls: [], layers: [], alerts: [], refresh: null, busy: true, challenge: false, captcha: false };

async function readFrame(frame: Frame): Promise<RawSeen | null> {
  const reading = frame.evaluate<RawSeen>(`${PERCEIVE_SCRIPT}(${ARGS})`);
  // A document replaced meanwhile (a navigation) shows nothing yet; a page that no longer answers is said so.
  return pageAnswer(reading, 'page').catch(unlessNoAnswer(null));
}

// A layer's frame that did not answer one reading (a consent manager's frame frozen by its own script) is not read
// again: waiting its budget at every look would spend the whole probe on it. Its layer stays, without controls.
const silentFrames = new WeakSet<Frame>();

/** Reads the page as a person sees it now; a page between two documents is seen empty and busy. */
export async function perceive(page: Page): Promise<Seen> {
  const main = await readFrame(page.mainFrame());
  if (!main) return { ...EMPTY, url: page.url() };
  const seen: Seen = { ...main, controls: [...main.controls] };
  if (main.frames.length === 0) return seen;
  // A layer that is a frame (a consent manager's iframe): its controls are the layer's.
  for (const [index, frame] of page.frames().entries()) {
    if (frame === page.mainFrame() || frame.parentFrame() !== page.mainFrame() || silentFrames.has(frame)) continue;
    // Finding the frame's element goes through the frame itself: a frozen frame is silent there already.
    const silent = (error: unknown): null => {
      if (error instanceof PageNoAnswer) silentFrames.add(frame);
      return null;
    };
    const element = await pageAnswer(frame.frameElement(), 'page').catch(silent);
    const layerMark = element ? await pageAnswer(element.getAttribute(FRAME_MARK), 'page').catch(silent) : null;
    if (layerMark === null) continue;
    const inner = await readFrame(frame).catch(silent);
    if (!inner) continue;
    const layer = seen.layers[Number(layerMark)];
    if (layer) layer.text = [layer.text, inner.text].filter(Boolean).join('\n');
    for (const control of inner.controls) seen.controls.push({ ...control, id: `f${index}:${control.id}`, layer: Number(layerMark) });
  }
  return seen;
}

/** The element a control of `seen` names. */
export function locate(page: Page, control: Control): Locator {
  const frameMatch = /^f(\d+):(.*)$/.exec(control.id);
  if (frameMatch) {
    const frame = page.frames()[Number(frameMatch[1])] ?? page.mainFrame();
    return frame.locator(`[${MARK}="${frameMatch[2] ?? ''}"]`);
  }
  return page.locator(`[${MARK}="${control.id}"]`);
}

/** The layers that stand over the page: dialogs, and fixed boxes that cover a good part of it or one of its controls. */
export function overlays(seen: Seen, wordsOfConsent: (text: string) => boolean): Layer[] {
  const covering = new Set(seen.controls.map((c) => c.coveredBy).filter((i): i is number => i !== undefined));
  return seen.layers
    .filter((layer) => layer.shown && (layer.text !== '' || covering.has(layer.index)))
    .filter((layer) => layer.modal || wordsOfConsent(layer.text) || layer.share >= 0.2 || covering.has(layer.index))
    .sort((a, b) => b.z - a.z);
}
