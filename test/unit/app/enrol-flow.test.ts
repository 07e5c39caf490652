import { describe, expect, it } from 'vitest';
import { finishEnrolment } from '../../../src/app/enrol-flow';
import type { Enrolment } from '../../../src/app/enrolment';
import { createMemoryStore, StoreError } from '../../../src/store';

const MODEL = 'a'.repeat(64);

function makeEnrolment(keepThumbnail: boolean): Enrolment {
  const captures = Array.from({ length: 5 }, (_, k) => Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i + k) / 32));
  return {
    request: { name: 'Ada', labels: {}, keepThumbnail },
    needed: 5,
    captures,
    poses: captures.map(() => ({ yaw: 0, pitch: 0, roll: 0 })),
    lastCaptureAt: 0,
    lastBox: [10, 10, 100, 100],
    hint: null,
  };
}

const thumbnail = async () => new Blob([new Uint8Array(100)], { type: 'image/jpeg' });

describe('finishEnrolment', () => {
  it('saves embeddings only unless a thumbnail was asked for', async () => {
    const store = createMemoryStore();
    const outcome = await finishEnrolment({ enrolment: makeEnrolment(false), store, modelSha256: MODEL, captureThumbnail: thumbnail });
    expect(outcome.message).toContain('only its embeddings were kept');
    expect(outcome.templates).toHaveLength(1);
    expect(await store.settings.get('storeThumbnails')).toBe(false);
  });

  it('keeps a thumbnail when asked, switching the setting on', async () => {
    const store = createMemoryStore();
    const outcome = await finishEnrolment({ enrolment: makeEnrolment(true), store, modelSha256: MODEL, captureThumbnail: thumbnail });
    expect(outcome.message).toContain('a small thumbnail were kept');
    expect(await store.settings.get('storeThumbnails')).toBe(true);
  });

  it('leaves the thumbnail setting as it was when the person could not be saved (storage full)', async () => {
    const store = createMemoryStore();
    const full = new StoreError('quota', 'The device’s storage is full: the person “Ada” was not saved. Everything saved before is still there.');
    store.people.add = () => Promise.reject(full);
    const outcome = await finishEnrolment({ enrolment: makeEnrolment(true), store, modelSha256: MODEL, captureThumbnail: thumbnail });
    expect(outcome.message).toBe(full.message);
    expect(outcome.templates).toBeUndefined();
    expect(await store.settings.get('storeThumbnails')).toBe(false);
  });
});
