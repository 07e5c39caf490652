import { describe, expect, it } from 'vitest';
import { computeRoomStatistics } from '../../../src/classroom/room-stats';
import type { RoomPayload } from '../../../src/classroom/payload';
import { describeNextRoomPage, listRoomPages } from '../../../src/classroom/room-pages';

/** One attendee labelled `race`/`gender`, compared with `groups` pack groups. */
function attendee(id: number, race: string, gender: string, groups: readonly string[]): RoomPayload {
  return {
    attendeeId: `a${id}`, model: 'm', scoreId: 's', threshold: 0.6, genuine: [0.8, 0.7, 0.55], pack: 'P', labels: { race, gender },
    strangers: groups.map((group) => ({ group, compared: 100, closest: [0.5, 0.4] })),
  };
}

const RACES = ['Asian', 'Black', 'Indian', 'Others', 'White'];
const RACE_GENDER = RACES.flatMap((race) => ['female', 'male'].map((gender) => `${race}/${gender}`));

describe('the Room tab\u2019s pages in presenter view', () => {
  it('before any code: collecting, then this laptop\u2019s people', () => {
    expect(listRoomPages(null).map((p) => p.kind)).toEqual(['collect', 'laptop']);
    expect(listRoomPages(computeRoomStatistics([], 0.6, ['race'])).map((p) => p.kind)).toEqual(['collect', 'laptop']);
  });

  it('with a room grouped by race: one page per table', () => {
    const stats = computeRoomStatistics(RACES.slice(0, 3).map((race, i) => attendee(i, race, 'female', RACES)), 0.6, ['race']);
    const pages = listRoomPages(stats);
    expect(pages).toEqual([
      { kind: 'collect' }, { kind: 'missed', from: 0, to: 3, total: 3 }, { kind: 'strangers', from: 0, to: 5, total: 5 }, { kind: 'laptop' },
    ]);
    expect(pages.map((_, i) => describeNextRoomPage(pages, i))).toEqual([
      'Next: would the room\u2019s people be missed? \u2192',
      'Next: would strangers be taken for the room? \u2192',
      'Next: the people on this laptop \u2192',
      '\u2190 Back to collecting from the room',
    ]);
  });

  it('with race x gender (10 stranger groups): the strangers\u2019 table splits evenly and the button says which groups', () => {
    const room = RACE_GENDER.slice(0, 7).map((group, i) => attendee(i, group.split('/')[0], group.split('/')[1], RACE_GENDER));
    const pages = listRoomPages(computeRoomStatistics(room, 0.6, ['race', 'gender']));
    expect(pages.map((p) => (p.kind === 'missed' || p.kind === 'strangers' ? `${p.kind} ${p.from}-${p.to}` : p.kind)))
      .toEqual(['collect', 'missed 0-4', 'missed 4-7', 'strangers 0-5', 'strangers 5-10', 'laptop']);
    expect(describeNextRoomPage(pages, 3)).toBe('Next: would strangers be taken for the room? (groups 6\u201310 of 10) \u2192');
  });

  describe('on a wide screen (two columns of six a page)', () => {
    it('race x gender (10 stranger groups, 7 of the room): one page per table', () => {
      const room = RACE_GENDER.slice(0, 7).map((group, i) => attendee(i, group.split('/')[0], group.split('/')[1], RACE_GENDER));
      const pages = listRoomPages(computeRoomStatistics(room, 0.6, ['race', 'gender']), 2);
      expect(pages.map((p) => (p.kind === 'missed' || p.kind === 'strangers' ? `${p.kind} ${p.from}-${p.to}` : p.kind)))
        .toEqual(['collect', 'missed 0-7', 'strangers 0-10', 'laptop']);
      expect(describeNextRoomPage(pages, 1)).toBe('Next: would strangers be taken for the room? \u2192');
    });

    it('30 stranger groups: three pages of ten, not five of six', () => {
      const groups = RACE_GENDER.flatMap((group) => ['0-17', '18-44', '45-70'].map((age) => `${group}/${age}`));
      const pages = listRoomPages(computeRoomStatistics([attendee(0, 'Asian', 'female', groups)], 0.6, ['race', 'gender']), 2);
      expect(pages.filter((p) => p.kind === 'strangers').map((p) => ('from' in p ? `${p.from}-${p.to}` : ''))).toEqual(['0-10', '10-20', '20-30']);
      expect(describeNextRoomPage(pages, 2)).toBe('Next: would strangers be taken for the room? (groups 11\u201320 of 30) \u2192');
    });
  });
});
