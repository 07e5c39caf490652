/**
 * Every tab of the app in presenter view, as a projector shows it at 1920x1080 and 1280x720, on
 * each bundled pack: the page is no taller than the screen, no table scrolls sideways or runs off
 * it, and every visible piece of text the room reads is at least 28 px (issue 16). Then "You vs
 * the groups" and a Room with codes collected under the largest groupings each pack offers
 * (race x gender; race x gender x age band: 30 groups), every page of each. The app runs with a
 * fake engine and a canvas camera; the packs and the bias views are real, the room's codes made up.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/app/fg-app';
import type { FgApp } from '../../src/app/fg-app';
import type { FgRoomView } from '../../src/components/fg-room-view';
import { countPresenterColumns } from '../../src/views/paging';
import { TABS, type TabId } from '../../src/app/tabs';
import { createMemoryStore } from '../../src/store';
import { DEFAULT_MODEL_ID, getModel } from '../../src/models/registry';
import { canvasCamera, FakeVision, FAKE_INFO } from './helpers/fake-app';
import { measurePresenterFit } from './helpers/presenter-fit';
import { makeRoomCodes } from './helpers/room-codes';

/** The bundled packs, by index entry id. */
const PACKS = ['utkface-600', 'lfw-94'] as const;
const SCREENS = [[1920, 1080], [1280, 720]] as const;
/** How long a tab may take to show its numbers on a loaded 2-core machine (all-pairs scoring, three models to compare). */
const TAB_READY_TIMEOUT_MS = 120_000;

/** Follows a path of selectors, each inside the shadow root of the previous match. */
const inner = (el: Element, path: string): Element | null => {
  let current: Element | null = el;
  for (const selector of path.split(' >> ')) current = current?.shadowRoot?.querySelector(selector) ?? null;
  return current;
};

/** The most pages a paged view may have (30 groups: five pages of six; a room by three labels: eight). */
const MAX_PAGES = 10;
/** The model's weights sha256 the fake engine reports: room codes carry its first 16 digits. */
const FAKE_MODEL_SHA256 = 'ab'.repeat(32);

/** Every problem of one screen at once, so one run says all that is wrong with it. */
function describeProblems(fit: ReturnType<typeof measurePresenterFit>): string[] {
  return [
    ...(fit.pageHeight > fit.viewportHeight ? [`the page is ${fit.pageHeight} px tall on a ${fit.viewportHeight} px screen`] : []),
    ...fit.wideTables.map((table) => `table scrolls sideways or runs off the screen: ${table}`),
    ...fit.smallText.map((text) => `${text.px} px text "${text.text}" in ${text.where}`),
  ];
}

/** The visible "next page" button of the open tab, if its view pages. */
function findVisiblePager(app: FgApp): HTMLButtonElement | null {
  const panel = [...app.shadowRoot!.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find((p) => !p.hidden);
  const search = (root: ParentNode): HTMLButtonElement | null => {
    for (const element of root.querySelectorAll('*')) {
      if (element instanceof HTMLButtonElement && element.classList.contains('pager') && element.checkVisibility()) return element;
      const found = element.shadowRoot ? search(element.shadowRoot) : null;
      if (found) return found;
    }
    return null;
  };
  return panel ? search(panel) : null;
}

/** Group names of You vs the groups that stick out of their strip's box (into the next column, or off the screen). */
function findNamesOutsideStrips(app: FgApp): string[] {
  const view = inner(app, 'fg-you-vs-groups');
  return [...view?.shadowRoot?.querySelectorAll('fg-score-strip') ?? []].flatMap((strip) => {
    const box = strip.getBoundingClientRect();
    return [...strip.shadowRoot?.querySelectorAll('text.label') ?? []]
      .filter((label) => label.getBoundingClientRect().left < Math.max(0, box.left) - 1)
      .map((label) => `the name "${label.textContent?.trim()}" starts ${Math.round(box.left - label.getBoundingClientRect().left)} px left of its strip`);
  });
}

/** When a tab has drawn what the room is to see. */
const IS_READY: Record<TabId, (app: FgApp) => boolean> = {
  live: (app) => app.dataset.camera === 'on' && inner(app, 'fg-match-meter')?.getAttribute('data-state') !== null,
  groups: (app) => inner(app, 'fg-you-vs-groups >> fg-score-strip') !== null,
  gap: (app) => inner(app, 'fg-gap-view >> fg-gap-panels >> fg-rate-table >> tr[data-group]') !== null,
  // lfw-94 exists for faceres only: Compare models says so instead of comparing.
  models: (app) => (inner(app, 'fg-compare-view') as (Element & { report: unknown }) | null)?.report != null
    || (app.shadowRoot!.querySelector('#panel-models fg-message')?.textContent ?? '').length > 0,
  room: (app) => inner(app, 'fg-room-view') !== null,
  import: (app) => inner(app, 'fg-import-panel') !== null,
  privacy: (app) => inner(app, 'fg-privacy-panel') !== null && inner(app, 'fg-privacy-panel')?.getAttribute('aria-busy') !== 'true',
};

/** Opens the app on `packId` grouped by `groupBy`, with the camera on, in presenter view. */
async function openPresenterApp(packId: string, groupBy?: string[]): Promise<FgApp> {
  document.body.style.margin = '0';
  const store = createMemoryStore();
  await store.settings.set('activePackId', packId);
  if (groupBy) await store.settings.set('groupBy', groupBy);
  const app = document.createElement('fg-app');
  app.visionFactory = async () => ({ client: new FakeVision(), info: FAKE_INFO, modelSha256: FAKE_MODEL_SHA256 });
  app.storeFactory = async () => ({ store });
  app.camera = canvasCamera;
  app.autoStartCamera = false;
  document.body.append(app);
  await waitUntil(() => app.dataset.vision === 'ready' && app.dataset.store === 'memory', 'engine and store ready', { timeout: 30_000 });
  (inner(app, 'fg-camera-view >> button') as HTMLButtonElement).click();
  await waitUntil(() => app.dataset.camera === 'on', 'camera on', { timeout: 10_000 });
  (inner(app, '.presenter-toggle') as HTMLButtonElement).click();
  await waitUntil(() => app.hasAttribute('presenter'), 'presenter view on');
  return app;
}

async function closePresenterApp(app: FgApp): Promise<void> {
  app.remove();
  document.body.style.margin = '';
  await setViewport({ width: 800, height: 600 });
}

/**
 * Opens tab `id` at the screen's size and measures it, then every next page of a paged view:
 * every problem found, each with its page. `pagesSeen` gets how many pages there were; `onPage`
 * is called on each page as it is measured.
 */
async function measureTab(app: FgApp, id: TabId, label: string, pagesSeen: number[] = [], onPage: () => void = () => {}): Promise<string[]> {
  (inner(app, `#tab-${id}`) as HTMLButtonElement).click();
  await waitUntil(() => IS_READY[id](app), `${label} never finished drawing`, { timeout: TAB_READY_TIMEOUT_MS, interval: 250 });
  // Charts and tables settle over a few frames after their data arrives.
  await new Promise((done) => setTimeout(done, 600));
  // A view too tall for a short screen pages (a button says where the rest is): every page must fit.
  const problems: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    problems.push(...describeProblems(measurePresenterFit()).map((problem) => `page ${page}: ${problem}`));
    pagesSeen.push(page);
    onPage();
    const pager = findVisiblePager(app);
    if (!pager) break;
    // The last page's button leads back to the first: click it too, and stop.
    const isLast = /back/i.test(pager.textContent ?? '');
    pager.click();
    await new Promise((done) => setTimeout(done, 400));
    if (isLast) break;
    if (page === MAX_PAGES) problems.push(`more than ${MAX_PAGES} pages`);
  }
  return problems;
}

for (const packId of PACKS) {
  describe(`presenter view on ${packId}: one screen per tab`, () => {
    let app: FgApp;

    before(async () => {
      app = await openPresenterApp(packId);
    });

    after(async () => {
      await closePresenterApp(app);
    });

    for (const [width, height] of SCREENS) {
      for (const { id, label } of TABS) {
        it(`${label} fits ${width}x${height}`, async () => {
          await setViewport({ width, height });
          const problems = await measureTab(app, id, label);
          if (id === 'models' && packId === 'utkface-600') {
            expect((inner(app, 'fg-compare-view') as (Element & { report: unknown }) | null)?.report, 'utkface-600 is compared across the models').to.not.equal(null);
          }
          expect(problems).to.deep.equal([]);
        });
      }
    }
  });
}

/** The largest groupings each pack offers, and race x gender on UTKFace (10 groups). */
const LARGE_GROUPINGS: [packId: string, groupBy: string[], groups: number][] = [
  ['utkface-600', ['race', 'gender'], 10],
  ['utkface-600', ['race', 'gender', 'age_band'], 30],
  ['lfw-94', ['race', 'gender'], 12],
];
/** Attendees in the collected room: more than one per self-described group of race x gender. */
const ROOM_ATTENDEES = 14;

for (const [packId, groupBy, groups] of LARGE_GROUPINGS) {
  describe(`presenter view on ${packId} by ${groupBy.join(' x ')} (${groups} groups), with a room collected`, () => {
    let app: FgApp;

    before(async () => {
      app = await openPresenterApp(packId, groupBy);
      (inner(app, '#tab-room') as HTMLButtonElement).click();
      await waitUntil(() => inner(app, 'fg-room-view') !== null, 'room view shown');
      const scoreId = getModel(DEFAULT_MODEL_ID).scoreId;
      for (const text of makeRoomCodes(packId, groupBy, ROOM_ATTENDEES, FAKE_MODEL_SHA256, scoreId)) {
        inner(app, 'fg-room-view')!.dispatchEvent(Object.assign(new Event('room-code', { bubbles: true, composed: true }), { text }));
      }
      await waitUntil(() => inner(app, 'fg-room-view >> fg-room-stats')?.getAttribute('data-people') === String(ROOM_ATTENDEES),
        `the room never counted ${ROOM_ATTENDEES} laptops`, { timeout: 10_000 });
    });

    after(async () => {
      await closePresenterApp(app);
    });

    for (const [width, height] of SCREENS) {
      it(`You vs the groups shows all ${groups} groups, ${6 * countPresenterColumns(width)} a page at most, each page fitting ${width}x${height}`, async () => {
        await setViewport({ width, height });
        const columns = countPresenterColumns(width);
        // Each page's groups ("1-12") and how many columns show them.
        const shown: { range: string; columns: number }[] = [];
        (inner(app, '#tab-groups') as HTMLButtonElement).click();
        await waitUntil(() => IS_READY.groups(app), 'the strip never drew', { timeout: TAB_READY_TIMEOUT_MS, interval: 250 });
        const problems: string[] = [];
        problems.push(...await measureTab(app, 'groups', 'You vs the groups', [], () => {
          problems.push(...findNamesOutsideStrips(app));
          const strips = inner(app, 'fg-you-vs-groups >> .strips');
          shown.push(strips
            ? { range: strips.getAttribute('data-groups') ?? '', columns: Number(strips.getAttribute('data-columns')) }
            : { range: inner(app, 'fg-you-vs-groups >> fg-score-strip')?.getAttribute('data-groups') ?? '', columns: 1 });
        }));
        expect(problems).to.deep.equal([]);
        // Every group on some page, each page's groups following the last's, in as few pages as the columns allow.
        const ranges = shown.map(({ range }) => range.split('-').map(Number));
        expect(ranges.at(-1)?.[1], `groups shown: ${ranges.join(' ')}`).to.equal(groups);
        ranges.slice(1).forEach(([from], i) => expect(from).to.equal(ranges[i][1] + 1));
        expect(shown.length).to.equal(Math.ceil(groups / (6 * columns)));
        // Six groups a column: two columns side by side on the wide screen, one on 1280x720.
        shown.forEach(({ columns: shownColumns }, i) => expect(shownColumns, `columns on page ${i + 1}`).to.equal(Math.ceil((ranges[i][1] - ranges[i][0] + 1) / 6)));
        expect(Math.max(...shown.map((page) => page.columns))).to.equal(columns);
      });

      it(`Room with ${ROOM_ATTENDEES} laptops collected fits ${width}x${height} on every page, ${6 * countPresenterColumns(width)} groups a table page at most`, async () => {
        await setViewport({ width, height });
        const perPage = 6 * countPresenterColumns(width);
        // Each table page's rows, and how many columns show them.
        const tables: { rows: number; columns: number }[] = [];
        const pagesSeen: number[] = [];
        expect(await measureTab(app, 'room', 'Room', pagesSeen, () => {
          const stats = inner(app, 'fg-room-view >> fg-room-stats');
          const rows = stats?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
          if (rows > 0) tables.push({ rows, columns: stats?.shadowRoot?.querySelectorAll('table').length ?? 0 });
        })).to.deep.equal([]);
        const { genuine, strangers } = (inner(app, 'fg-room-view') as FgRoomView).roomStats!;
        // Collecting, each table in pages of up to `perPage` groups, and this laptop's people.
        expect(pagesSeen.length).to.equal(2 + Math.ceil(genuine.length / perPage) + Math.ceil(strangers.length / perPage));
        expect(tables.map(({ rows }) => rows).reduce((a, b) => a + b, 0)).to.equal(genuine.length + strangers.length);
        tables.forEach(({ rows, columns }, i) => {
          expect(rows, `rows on table page ${i + 1}`).to.be.at.most(perPage);
          expect(columns, `tables side by side on table page ${i + 1}`).to.equal(Math.ceil(rows / 6));
        });
      });
    }
  });
}
