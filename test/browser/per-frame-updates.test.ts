/**
 * fg-app renders once per camera frame and builds some properties afresh each time (a record of
 * counts, the best match, the pack list). The elements handed them compare values, so they update
 * when a value changes, not on every frame: before, the model picker, You vs the groups (with its
 * strip and table) and the pack list re-rendered 20-26 times a second with nothing new to show.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/components/models/fg-model-picker';
import '../../src/components/fg-you-vs-groups';
import '../../src/components/fg-pack-manager';
import type { BundledPackEntry } from '../../src/import/bundled';

/** Sets `values` on `el` and says whether that scheduled an update. */
async function updatesOn(el: LitElement, values: Record<string, unknown>): Promise<boolean> {
  await el.updateComplete;
  Object.assign(el, values);
  const isPending = el.isUpdatePending;
  await el.updateComplete;
  return isPending;
}

const entry = { id: 'utkface-3000', pack: 'utkface-3000', model: 'faceres', name: 'UTKFace 3000', file: 'utkface-3000.fgpack', bytes: 10, sha256: '' } as unknown as BundledPackEntry;

const cases: { element: string; property: string; before: () => unknown; same: () => unknown; changed: () => unknown }[] = [
  { element: 'fg-model-picker', property: 'msPerFace', before: () => ({ faceres: 12.5 }), same: () => ({ faceres: 12.5 }), changed: () => ({ faceres: 13 }) },
  { element: 'fg-model-picker', property: 'enrolledByModel', before: () => ({ faceres: 2 }), same: () => ({ faceres: 2 }), changed: () => ({ faceres: 3 }) },
  { element: 'fg-model-picker', property: 'sizes', before: () => ({ faceres: 7_050_246 }), same: () => ({ faceres: 7_050_246 }), changed: () => ({ faceres: 7_050_246, dlib: 6_463_647 }) },
  { element: 'fg-you-vs-groups', property: 'bestMatch', before: () => ({ name: 'Ada', score: 0.71 }), same: () => ({ name: 'Ada', score: 0.71 }), changed: () => ({ name: 'Ada', score: 0.72 }) },
  { element: 'fg-you-vs-groups', property: 'groupBy', before: () => ['race'], same: () => ['race'], changed: () => ['race', 'gender'] },
  { element: 'fg-pack-manager', property: 'bundled', before: () => [entry], same: () => [entry], changed: () => [{ ...entry }] },
];

describe('properties fg-app rebuilds on every frame', () => {
  for (const { element, property, before, same, changed } of cases) {
    it(`${element}.${property}: an equal value made afresh does not update it, a changed one does`, async () => {
      const el = await fixture<LitElement>(html`<div></div>`).then((host) => {
        const created = document.createElement(element) as LitElement;
        (created as unknown as Record<string, unknown>)[property] = before();
        host.append(created);
        return created;
      });
      expect(await updatesOn(el, { [property]: same() })).to.equal(false);
      expect(await updatesOn(el, { [property]: changed() })).to.equal(true);
    });
  }
});
