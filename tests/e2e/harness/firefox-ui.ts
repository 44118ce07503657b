/**
 * Drives a page in Firefox (puppeteer-core over WebDriver BiDi) the way a person does: fields
 * found by their visible label, buttons and links by their name, text typed on the keyboard and
 * files chosen in the file input. Puppeteer's ARIA selectors need the Chrome DevTools Protocol,
 * so labels and names are matched in the page itself; every helper waits for its target and
 * fails with what the page shows when it does not come.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { EN, SLOW, text } from './vault-ui';

const POLL_MS = 150;
const TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The visible text of the page, or of the first element matching `within`. */
export const visibleText = (page: Page, within = 'body'): Promise<string> =>
  page.evaluate((selector) => (document.querySelector(selector) as HTMLElement | null)?.innerText ?? '', within).catch(() => '');

/** Polls `probe` until it gives something other than null/undefined/false. */
export async function waitUntil<T>(page: Page, what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null); // a document being replaced: ask again
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms; the page shows:\n${(await visibleText(page)).slice(0, 3000)}`);
    await sleep(POLL_MS);
  }
}

/** Waits until the page (or the part matching `within`) shows `wanted`, and returns that text. */
export const waitForText = (page: Page, wanted: string | RegExp, options: { within?: string; timeoutMs?: number } = {}): Promise<string> =>
  waitUntil(
    page,
    `the text ${String(wanted)}`,
    async () => {
      const text = await visibleText(page, options.within);
      return (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)) ? text : null;
    },
    options.timeoutMs,
  );

/**
 * The form control a visible `<label>` with exactly this text names (by `for` or by nesting),
 * inside the first element matching `within`.
 */
async function labelled(page: Page, label: string, within = 'body'): Promise<ElementHandle<Element>> {
  return waitUntil(page, `a field labelled ${JSON.stringify(label)}${within === 'body' ? '' : ` in ${within}`}`, async () => {
    const handle = await page.evaluateHandle(
      (text, scope) => {
        const normalise = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
        for (const l of document.querySelector(scope)?.querySelectorAll('label') ?? []) {
          if (normalise(l.textContent) === text && l.control) return l.control;
        }
        return null;
      },
      label,
      within,
    );
    const element = handle.asElement();
    return element ? (element as ElementHandle<Element>) : null;
  });
}

/** Types `value` into the field labelled `label` (inside `within`), replacing what it held, key by key. */
export async function fill(page: Page, label: string, value: string, options: { within?: string } = {}): Promise<void> {
  const field = await labelled(page, label, options.within);
  await field.evaluate((el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select?.();
  });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  const [now, windowFocused] = await field.evaluate((el) => [(el as HTMLInputElement).value, document.hasFocus()] as const);
  if (now !== value)
    throw new Error(`fill: the field ${JSON.stringify(label)} holds ${JSON.stringify(now)}, not ${JSON.stringify(value)} (window focused: ${windowFocused})`);
}

/**
 * Sets a field whose value is not typed character by character in every locale (a date input):
 * the value is set and an `input` event fired, as the browser's own picker does.
 */
export async function setValue(page: Page, label: string, value: string): Promise<void> {
  const field = await labelled(page, label);
  await field.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.focus();
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Ticks the checkbox or radio labelled `label` (by clicking it, as a person does). */
export async function check(page: Page, label: string): Promise<void> {
  const box = await labelled(page, label);
  if (!(await box.evaluate((el) => (el as HTMLInputElement).checked))) await box.click();
  await waitUntil(page, `${label} ticked`, () => box.evaluate((el) => (el as HTMLInputElement).checked));
}

/** Chooses `path` in the file input labelled `label`. */
export async function chooseFile(page: Page, label: string, path: string): Promise<void> {
  const input = (await labelled(page, label)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/**
 * Clicks the enabled button or link named `name` (its text, or its aria-label), inside the first
 * element matching `within` whose text contains `containing` when those are given.
 */
export async function click(page: Page, name: string, options: { within?: string; containing?: string } = {}): Promise<void> {
  const target = await waitUntil(page, `a button or link named ${JSON.stringify(name)}`, async () => {
    const handle = await page.evaluateHandle(
      (wanted, within, containing) => {
        const normalise = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
        const scopes = within
          ? [...document.querySelectorAll<HTMLElement>(within)].filter((s) => !containing || s.innerText.includes(containing))
          : [document.body];
        for (const scope of scopes) {
          for (const el of scope.querySelectorAll<HTMLButtonElement | HTMLAnchorElement>('button, a[href]')) {
            const named = normalise(el.getAttribute('aria-label')) === wanted || normalise(el.textContent) === wanted;
            if (named && !(el as HTMLButtonElement).disabled) return el;
          }
        }
        return null;
      },
      name,
      options.within ?? '',
      options.containing ?? '',
    );
    return handle.asElement() as ElementHandle<Element> | null;
  });
  await target.click();
}

/** The value of `attribute` on the first element matching `selector`, once there is one. */
export const attributeOf = (page: Page, selector: string, attribute: string): Promise<string> =>
  waitUntil(page, `${selector}[${attribute}]`, () => page.evaluate((s, a) => document.querySelector(s)?.getAttribute(a) ?? null, selector, attribute));

/** The text of the first element matching `selector`, once there is one. */
export const textOf = (page: Page, selector: string): Promise<string> =>
  waitUntil(page, `an element ${selector}`, () => page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? null, selector));

/**
 * Waits until the element with focus has exactly this text — e.g. a screen's heading, which
 * takes focus once the screen is shown (so typing starts only after the focus has moved).
 */
export const waitForFocusOn = (page: Page, wanted: string): Promise<true> =>
  waitUntil(page, `focus on ${JSON.stringify(wanted)}`, () => page.evaluate((w) => (document.activeElement?.textContent ?? '').trim() === w, wanted));

/** Writes a note on the vault page's Notes screen (in English) and waits until the list shows it. */
export async function addNote(page: Page, title: string, body: string): Promise<void> {
  await click(page, EN['notes.add']);
  await fill(page, EN['notes.titleLabel'], title);
  await fill(page, EN['notes.bodyLabel'], body);
  await click(page, EN['common.save'], { within: 'form' });
  await waitForText(page, title, { within: `ul[aria-label="${EN['notes.listLabel']}"]` });
}

/** Creates the vault on its page (in English), typing the owner's name and the passphrase; returns the recovery key. */
export async function createVault(page: Page, name: string, passphrase: string): Promise<string> {
  await waitForText(page, EN['create.title']);
  await fill(page, EN['create.name'], name);
  await fill(page, EN['passphrase.label'], passphrase);
  await fill(page, EN['passphrase.confirm'], passphrase);
  await click(page, EN['create.submit']);
  await waitForText(page, EN['recovery.title'], { timeoutMs: SLOW.timeout * 3 });
  const recoveryKey = (await textOf(page, '[data-testid="recovery-key"]')).trim();
  await fill(page, EN['recovery.confirmLabel'], recoveryKey.split('-').at(-1)!);
  await click(page, EN['recovery.done']);
  // A new vault lands on the overview's first steps; the callers start from the notes.
  await waitForText(page, EN['steps.title']);
  await click(page, EN['section.notes'], { within: 'nav.sections' });
  await waitForText(page, text(EN, 'notes.title', { name }));
  return recoveryKey;
}
