import type { ElementHandle, Page } from 'puppeteer-core';
import type { TabId } from '../../../src/app/tabs';

/** How long a bias view may take to show its table (the gap view scores every pair of a pack first). */
export const VIEW_READY_TIMEOUT_MS = 60_000;

/** One cell of an fg-rate-table, as shown and as mirrored in its data-* attributes. */
export interface ShownCell {
  /** The cell's text without its note, e.g. "0.45% (32)". */
  text: string;
  /** The small note under it, e.g. "0.32%–0.63% Wilson", or "". */
  note: string;
  /** data-value: the full-precision number behind the text, null when there is none. */
  value: number | null;
  /** data-ci95: the 95% interval behind the note, when the cell has one. */
  ci95: [number, number] | null;
}

/** One row of an fg-rate-table. */
export interface ShownRow {
  group: string;
  /** The small-group warning under the group name, or "". */
  flag: string;
  cells: Record<string, ShownCell>;
}

/**
 * Reads the rows of the fg-rate-table at the end of `path`: element selectors, each looked up in
 * the shadow root of the one before (the first in the document), e.g.
 * `['fg-app', 'fg-gap-view', 'fg-gap-panels', 'fg-rate-table']`. Empty when the table is not there.
 */
export function readRateTable(page: Page, path: string[]): Promise<ShownRow[]> {
  return page.evaluate((steps) => {
    let root: ParentNode | null = document;
    for (const step of steps) root = root?.querySelector(step)?.shadowRoot ?? null;
    const rows: ShownRow[] = [];
    for (const tr of root?.querySelectorAll<HTMLElement>('tbody tr[data-group]') ?? []) {
      const cells: Record<string, ShownCell> = {};
      for (const td of tr.querySelectorAll<HTMLElement>('td[data-key]')) {
        let text = '';
        for (const node of td.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
        const value = td.dataset.value;
        cells[td.dataset.key!] = {
          text: text.replace(/\s+/g, ' ').trim(),
          note: (td.querySelector('.note')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          value: value === undefined || value === 'null' ? null : Number(value),
          ci95: td.dataset.ci95 ? (JSON.parse(td.dataset.ci95) as [number, number] | null) : null,
        };
      }
      rows.push({ group: tr.dataset.group!, flag: (tr.querySelector('.flag')?.textContent ?? '').trim(), cells });
    }
    return rows;
  }, path);
}

/**
 * Polls `readRateTable` until `isDone` holds; on time-out throws with the last rows, so a failure
 * shows what the table held.
 */
export async function waitForRateTable(page: Page, path: string[], what: string, isDone: (rows: ShownRow[]) => boolean,
  timeoutMs = VIEW_READY_TIMEOUT_MS): Promise<ShownRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows = await readRateTable(page, path);
  while (!isDone(rows)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; the table shows ${JSON.stringify(rows, null, 2)}`);
    await new Promise((done) => setTimeout(done, 250));
    rows = await readRateTable(page, path);
  }
  return rows;
}

/**
 * Opens one of fg-app's tabs and waits for its panel to show. The tab is clicked through a handle
 * that is then disposed: puppeteer's `Locator.click` keeps its handle (it disposes only on error),
 * and every handle keeps its element alive in the page, which a memory bench would count.
 */
export async function openTab(page: Page, id: TabId): Promise<void> {
  const tab = await page.locator(`fg-app >>> #tab-${id}`).waitHandle();
  try {
    await tab.click();
  } finally {
    await tab.dispose();
  }
  await page.waitForFunction((tab) => document.querySelector('fg-app')?.shadowRoot?.querySelector(`#panel-${tab}`)?.hasAttribute('hidden') === false,
    { timeout: 10_000 }, id);
}

/** Reads a number property (e.g. `threshold`) of the element at the end of a shadow `path`. */
export function readNumberProperty(page: Page, path: string[], name: string): Promise<number | null> {
  return page.evaluate((steps, key) => {
    let root: ParentNode | null = document;
    let element: Element | null = null;
    for (const step of steps) {
      element = root?.querySelector(step) ?? null;
      root = element?.shadowRoot ?? null;
    }
    const value = (element as unknown as Record<string, unknown> | null)?.[key];
    return typeof value === 'number' ? value : null;
  }, path, name);
}

/** Viewport-relative box of the element at the end of a shadow `path`, or null. */
export function readBox(page: Page, path: string[]): Promise<{ left: number; top: number; right: number; bottom: number; width: number; height: number } | null> {
  return page.evaluate((steps) => {
    let root: ParentNode | null = document;
    let element: Element | null = null;
    for (const step of steps) {
      element = root?.querySelector(step) ?? null;
      root = element?.shadowRoot ?? null;
    }
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }, path);
}

/** Presses "Use" beside the pack called `name` in the pack manager. */
export async function usePack(page: Page, name: string): Promise<void> {
  const button = await page.waitForFunction((packName) => {
    const manager = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-pack-manager')?.shadowRoot;
    const item = [...(manager?.querySelectorAll('li') ?? [])].find((li) => li.querySelector('.name')?.textContent?.trim() === packName);
    return item?.querySelector('button[aria-pressed]') ?? null;
  }, { timeout: 30_000 }, name);
  await (button as unknown as ElementHandle<HTMLButtonElement>).click();
}
