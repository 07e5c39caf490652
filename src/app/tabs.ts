/** The app's tabs and their keyboard behaviour (WAI-ARIA tabs pattern, automatic activation). */

/** Every tab, in order. */
export const TABS = [
  { id: 'live', label: 'Live' },
  { id: 'groups', label: 'You vs the groups' },
  { id: 'gap', label: 'The gap' },
  { id: 'models', label: 'Compare models' },
  { id: 'room', label: 'Room' },
  { id: 'import', label: 'Import' },
  { id: 'privacy', label: 'Privacy' },
] as const;

/** A tab's id. */
export type TabId = (typeof TABS)[number]['id'];

/** The tabs that show the reference pack: the active pack is downloaded when one of them opens. */
const PACK_TABS: ReadonlySet<TabId> = new Set(['groups', 'gap', 'models', 'room']);

/** Whether `tab` shows the reference pack (the bias views and the room). */
export function isPackTab(tab: TabId): boolean {
  return PACK_TABS.has(tab);
}

/** The tab a key moves to from `current` (arrows wrap, Home and End jump), or null for other keys. */
export function findTabForKey(current: TabId, key: string): TabId | null {
  const index = TABS.findIndex((tab) => tab.id === current);
  const last = TABS.length - 1;
  const next =
    key === 'ArrowRight' ? (index + 1) % TABS.length
    : key === 'ArrowLeft' ? (index + last) % TABS.length
    : key === 'Home' ? 0
    : key === 'End' ? last
    : null;
  return next === null ? null : TABS[next].id;
}
