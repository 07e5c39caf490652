import { describe, expect, it } from 'vitest';
import { WipeChannel, type WipeAnnouncement } from '../../../src/privacy/wipe-broadcast';

const settle = () => new Promise((done) => setTimeout(done, 50));

describe('WipeChannel', () => {
  it('tells every other tab, never the tab that wiped', async () => {
    const name = `facegap-wipe-test-${Math.random()}`;
    const heardBy = { wiper: [] as WipeAnnouncement[], other: [] as WipeAnnouncement[], third: [] as WipeAnnouncement[] };
    const wiper = new WipeChannel((a) => heardBy.wiper.push(a), name);
    const other = new WipeChannel((a) => heardBy.other.push(a), name);
    const third = new WipeChannel((a) => heardBy.third.push(a), name);
    wiper.announce(false);
    await settle();
    expect(heardBy).toEqual({ wiper: [], other: [{ type: 'wiped', isComplete: false }], third: [{ type: 'wiped', isComplete: false }] });
    [wiper, other, third].forEach((channel) => channel.close());
  });

  it('ignores other messages on the channel, and hears nothing once closed', async () => {
    const name = `facegap-wipe-test-${Math.random()}`;
    const heard: WipeAnnouncement[] = [];
    const listener = new WipeChannel((a) => heard.push(a), name);
    const stranger = new BroadcastChannel(name);
    stranger.postMessage({ type: 'something-else' });
    stranger.postMessage('wiped');
    await settle();
    expect(heard).toEqual([]);
    listener.close();
    const late = new WipeChannel(() => {}, name);
    late.announce(true);
    await settle();
    expect(heard).toEqual([]);
    late.close();
    stranger.close();
  });
});
