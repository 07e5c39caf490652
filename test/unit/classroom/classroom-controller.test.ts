import { describe, expect, it } from 'vitest';
import { ClassroomController } from '../../../src/app/classroom-controller';
import { encodeRoomPayload, type RoomPayload } from '../../../src/classroom/payload';
import { CODE_GONE_AFTER_MS } from '../../../src/classroom/sightings';
import { createMemoryStore, type Store } from '../../../src/store';

const MODEL = 'ab'.repeat(32);
const EXPECTED = { modelSha256: MODEL, scoreId: 'human-similarity-v1' };

function code(attendeeId: string, model = MODEL.slice(0, 16)): string {
  const payload: RoomPayload = { attendeeId, model, scoreId: 'human-similarity-v1', threshold: 0.5, genuine: [0.9, 0.8], strangers: [{ group: 'Black', compared: 20, closest: [0.6, 0.3] }], pack: 'p', labels: { gender: 'female' } };
  return encodeRoomPayload(payload);
}

/** A host that counts updates, a fake clock, and a store that says it keeps data (memory underneath). */
function setUp(store: Store | null = { ...createMemoryStore(), isPersistent: true }) {
  const host = { updates: 0, addController() {}, removeController() {}, requestUpdate() { host.updates++; }, updateComplete: Promise.resolve(true) };
  const clock = { ms: 0 };
  const notices: string[] = [];
  const controller = new ClassroomController(host, { store: () => store, notify: (_id, _tone, text) => notices.push(text), now: () => clock.ms }, '');
  return { host, clock, notices, controller, store };
}

/** The messages the room showed while `code` was read every 250 ms from `fromMs` to `toMs`. */
function hold(ctx: ReturnType<typeof setUp>, text: string, fromMs: number, toMs: number): string[] {
  const messages: string[] = [];
  for (let ms = fromMs; ms <= toMs; ms += 250) {
    ctx.clock.ms = ms;
    const before = ctx.controller.room.last;
    ctx.controller.collect(text, EXPECTED);
    if (ctx.controller.room.last !== before) messages.push(ctx.controller.room.last!.message);
  }
  return messages;
}

describe('ClassroomController: "Already counted" once per appearance (fake clock)', () => {
  it('a code held in view is added once and says nothing more; held up again, it says "Already counted" once', () => {
    const ctx = setUp();
    expect(hold(ctx, code('aaaa1111'), 0, 5000)).toEqual(['Added: the room now has 1.']);
    expect(hold(ctx, code('aaaa1111'), 5000 + CODE_GONE_AFTER_MS, 12_000)).toEqual(['Already counted: each laptop counts once.']);
    expect(hold(ctx, code('aaaa1111'), 12_000 + CODE_GONE_AFTER_MS + 1000, 20_000)).toEqual(['Already counted: each laptop counts once.']);
    expect(ctx.controller.room.payloads).toHaveLength(1);
  });

  it('a code of another model is refused once per appearance, and the count stays', () => {
    const ctx = setUp();
    hold(ctx, code('aaaa1111'), 0, 1000);
    const refusals = hold(ctx, code('bbbb2222', '0123456789abcdef'), 1000, 6000);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/another face model .*not added\. The room still has 1\./);
  });
});

describe('ClassroomController: keep the room on this device', () => {
  it('keeps nothing unless chosen; kept codes survive a new controller on the same store (a reload); clearing deletes them', async () => {
    const ctx = setUp();
    const store = ctx.store!;
    hold(ctx, code('aaaa1111'), 0, 0);
    await Promise.resolve();
    expect(await store.roomCodes.list()).toEqual([]);
    await ctx.controller.setKeepingRoom(true);
    expect((await store.roomCodes.list()).map((r) => r.attendeeId)).toEqual(['aaaa1111']);
    hold(ctx, code('cccc3333'), 1000, 1000);
    await new Promise((r) => setTimeout(r, 0));
    expect((await store.roomCodes.list()).map((r) => r.attendeeId)).toEqual(['aaaa1111', 'cccc3333']);

    const reloaded = setUp(store);
    await reloaded.controller.restore();
    expect(reloaded.controller.isKeepingRoom).toBe(true);
    expect(reloaded.controller.room.payloads.map((p) => p.attendeeId)).toEqual(['aaaa1111', 'cccc3333']);
    expect(reloaded.notices.join()).toMatch(/back: 2 laptops/);

    reloaded.controller.clearRoom();
    await new Promise((r) => setTimeout(r, 0));
    expect(reloaded.controller.room.payloads).toEqual([]);
    expect(await store.roomCodes.list()).toEqual([]);
  });

  it('turning the choice off deletes the kept codes and keeps the room in memory; a reload then starts empty', async () => {
    const ctx = setUp();
    await ctx.controller.setKeepingRoom(true);
    hold(ctx, code('aaaa1111'), 0, 0);
    await new Promise((r) => setTimeout(r, 0));
    await ctx.controller.setKeepingRoom(false);
    expect(await ctx.store!.roomCodes.list()).toEqual([]);
    expect(ctx.controller.room.payloads).toHaveLength(1);
    const reloaded = setUp(ctx.store);
    await reloaded.controller.restore();
    expect(reloaded.controller.isKeepingRoom).toBe(false);
    expect(reloaded.controller.room.payloads).toEqual([]);
  });

  it('leaves out a kept code that no longer decodes, and says so', async () => {
    const ctx = setUp();
    await ctx.controller.setKeepingRoom(true);
    await ctx.store!.roomCodes.put([{ attendeeId: 'zzzz9999', code: '{"k":"facegap-room","v":99}', keptAt: 1 }, { attendeeId: 'aaaa1111', code: code('aaaa1111'), keptAt: 2 }]);
    await ctx.controller.restore();
    expect(ctx.controller.room.payloads.map((p) => p.attendeeId)).toEqual(['aaaa1111']);
    expect(ctx.notices.at(-1)).toMatch(/1 laptop\. 1 kept code was unreadable and left out/);
  });

  it('refuses to keep the room where nothing can be kept (the memory store), and says so', async () => {
    const ctx = setUp(createMemoryStore());
    await ctx.controller.setKeepingRoom(true);
    expect(ctx.controller.isKeepingRoom).toBe(false);
    expect(ctx.notices[0]).toMatch(/cannot be kept/);
  });

  it('after "Forget everything" (a fresh memory store) the room held in memory is let go too', async () => {
    let store: Store = { ...createMemoryStore(), isPersistent: true };
    const ctx = setUp();
    const controller = new ClassroomController(ctx.host, { store: () => store, now: () => ctx.clock.ms }, '');
    controller.collect(code('aaaa1111'), EXPECTED);
    store = createMemoryStore();
    await controller.restore();
    expect(controller.room.payloads).toEqual([]);
  });
});

describe('ClassroomController: a room with codes of another model', () => {
  it('leaves them out of every number and counts them (a kept room after the model changed)', async () => {
    const ctx = setUp();
    await ctx.controller.setKeepingRoom(true);
    hold(ctx, code('aaaa1111'), 0, 0);
    await new Promise((r) => setTimeout(r, 0));
    const reloaded = setUp(ctx.store);
    await reloaded.controller.restore();
    const otherModel = { modelSha256: 'cd'.repeat(32), scoreId: 'cosine-v1' };
    const stats = reloaded.controller.statistics(0.5, ['gender'], otherModel);
    expect(stats.people).toBe(0);
    expect(stats.otherModel).toBe(1);
    expect(reloaded.controller.statistics(0.5, ['gender'], EXPECTED)).toMatchObject({ people: 1, otherModel: 0 });
    expect(reloaded.controller.statistics(0.5, ['gender'], null)).toMatchObject({ people: 1, otherModel: 0 });
  });
});
