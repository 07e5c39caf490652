import { expect, fixture, html } from '@open-wc/testing';
import { ClassroomController } from '../../src/app/classroom-controller';
import { encodeRoomPayload, type RoomPayload } from '../../src/classroom/payload';
import '../../src/components/fg-room-view';
import '../../src/components/fg-storage-panel';
import type { FgRoomView } from '../../src/components/fg-room-view';
import type { FgStoragePanel } from '../../src/components/fg-storage-panel';
import { openStore, type Store } from '../../src/store';

// Mocha's globals, typed here because the project has no @types/mocha.
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => Promise<void> | void): void;

const MODEL = 'ab'.repeat(32);
const EXPECTED = { modelSha256: MODEL, scoreId: 'human-similarity-v1' };
const opened: Store[] = [];
let counter = 0;

function code(attendeeId: string): string {
  const payload: RoomPayload = { attendeeId, model: MODEL.slice(0, 16), scoreId: 'human-similarity-v1', threshold: 0.5, genuine: [0.9, 0.8], strangers: [{ group: 'Black', compared: 20, closest: [0.6, 0.3] }], pack: 'p', labels: { gender: 'female' } };
  return encodeRoomPayload(payload);
}

async function open(name: string, version?: number): Promise<Store> {
  const store = await openStore({ name, version, blockedGraceMs: 300 });
  opened.push(store);
  return store;
}

/** A classroom as fg-app makes it, over `store`, with a host that only counts updates. */
function classroomOver(store: Store): ClassroomController {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  let ms = 0;
  return new ClassroomController(host, { store: () => store, now: () => (ms += 5000) }, '');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(async () => {
  for (const store of opened.splice(0)) await store.forgetEverything().catch(() => undefined);
});

describe('the kept room in IndexedDB', () => {
  it('keeps nothing until chosen; with the choice on the codes survive a reopen (a reload); Clear the room deletes them', async () => {
    const name = `facegap-room-${Date.now()}-${counter++}`;
    const first = await open(name);
    const before = classroomOver(first);
    await before.restore();
    before.collect(code('aaaa1111'), EXPECTED);
    await settle();
    expect(await first.roomCodes.list()).to.deep.equal([]);
    await before.setKeepingRoom(true);
    before.collect(code('bbbb2222'), EXPECTED);
    await settle();
    expect((await first.inventoryStorage()).stores.roomCodes.records).to.equal(2);
    first.close();

    const second = await open(name);
    const after = classroomOver(second);
    await after.restore();
    expect(after.isKeepingRoom).to.equal(true);
    expect(after.room.payloads.map((p) => p.attendeeId)).to.deep.equal(['aaaa1111', 'bbbb2222']);
    after.clearRoom();
    await settle();
    expect(after.room.payloads).to.deep.equal([]);
    expect(await second.roomCodes.list()).to.deep.equal([]);
    second.close();

    const third = await open(name);
    const cleared = classroomOver(third);
    await cleared.restore();
    expect(cleared.room.payloads).to.deep.equal([]);
    expect(cleared.isKeepingRoom).to.equal(true);
  });

  it('upgrades a version 2 database holding people to version 3 with an empty roomCodes store', async () => {
    const name = `facegap-room-${Date.now()}-${counter++}`;
    const v2 = await open(name, 2);
    await v2.settings.set('threshold', 0.42);
    v2.close();
    const v3 = await open(name);
    expect(await v3.settings.get('threshold')).to.equal(0.42);
    expect(await v3.settings.get('keepRoom')).to.equal(false);
    expect(await v3.roomCodes.list()).to.deep.equal([]);
  });

  it('"Forget everything" deletes the kept codes and says so', async () => {
    const store = await openStore({ name: `facegap-room-${Date.now()}-${counter++}`, blockedGraceMs: 300 });
    await store.roomCodes.put([{ attendeeId: 'aaaa1111', code: code('aaaa1111'), keptAt: 1 }, { attendeeId: 'bbbb2222', code: code('bbbb2222'), keptAt: 2 }]);
    const report = await store.forgetEverything();
    expect(report.deleted.roomCodes.records).to.equal(2);
    expect(report.message).to.contain('0 thumbnails, 2 kept room codes, your settings');
  });

  it('the Privacy tab lists the kept codes among what is stored on this device', async () => {
    const store = await open(`facegap-room-${Date.now()}-${counter++}`);
    await store.roomCodes.put([{ attendeeId: 'aaaa1111', code: code('aaaa1111'), keptAt: 1 }]);
    const el = await fixture<FgStoragePanel>(html`<fg-storage-panel .inventory=${await store.inventoryStorage()}></fg-storage-panel>`);
    const row = el.shadowRoot!.querySelector('tr[data-stores="roomCodes"]')!;
    expect(row.textContent).to.contain('Room codes collected');
    expect(row.querySelector('td')!.textContent).to.equal('1');
  });
});

describe('fg-room-view: the keep choice', () => {
  it('is off by default, says codes are held in memory, and asks to keep them when ticked', async () => {
    const el = await fixture<FgRoomView>(html`<fg-room-view></fg-room-view>`);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('label.keep input')!;
    expect(box.checked).to.equal(false);
    expect(el.shadowRoot!.textContent).to.contain('held in memory only');
    let asked: boolean | null = null;
    el.addEventListener('room-keep-change', (event) => (asked = event.isKeeping));
    box.click();
    expect(asked).to.equal(true);
    el.keepRoom = true;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('kept on this device');
    await expect(el).to.be.accessible();
  });

  it('unticks itself when the app could not keep the room', async () => {
    const el = await fixture<FgRoomView>(html`<fg-room-view></fg-room-view>`);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('label.keep input')!;
    box.click();
    el.requestUpdate();
    await el.updateComplete;
    expect(box.checked).to.equal(false);
  });
});
