/**
 * Room codes as attendees' laptops would show them, for browser tests of the collected room: a room
 * of several self-described groups, each attendee compared with every group of a pack (at most the
 * 16 groups a code carries). The scores are made up, deterministic, and spread round the threshold
 * so the tables hold misses and false matches.
 */
import { encodeRoomPayload, MAX_ROOM_GROUPS, type RoomPayload } from '../../../src/classroom/payload';

/** The label values of the bundled packs, in the order the groups sort. */
export const PACK_LABEL_VALUES: Record<string, Record<string, readonly string[]>> = {
  'utkface-600': { race: ['Asian', 'Black', 'Indian', 'Others', 'White'], gender: ['female', 'male'], age_band: ['18-29', '30-44', '45-70'] },
  'lfw-94': { race: ['Black', 'East_Asian', 'Latino_Hispanic', 'South_Asian', 'Southeast_Asian', 'White'], gender: ['female', 'male'] },
};

/** Every combination of the values of `groupBy`, joined as the app joins group labels. */
function listGroups(values: Record<string, readonly string[]>, groupBy: readonly string[]): string[][] {
  return groupBy.reduce<string[][]>((combos, label) => combos.flatMap((combo) => values[label].map((value) => [...combo, value])), [[]]);
}

/** `count` attendees' codes for a room grouped by `groupBy` on `packId`, made with the model `modelSha256`/`scoreId`. */
export function makeRoomCodes(packId: string, groupBy: readonly string[], count: number, modelSha256: string, scoreId: string): string[] {
  const values = PACK_LABEL_VALUES[packId];
  const groups = listGroups(values, groupBy);
  return Array.from({ length: count }, (_, i) => {
    const own = groups[i % groups.length];
    const payload: RoomPayload = {
      attendeeId: `attendee${String(i).padStart(4, '0')}`,
      model: modelSha256.slice(0, 16),
      scoreId,
      threshold: 0.6,
      genuine: Array.from({ length: 10 }, (_, j) => 0.5 + ((i * 7 + j * 3) % 10) / 25),
      strangers: groups.slice(0, MAX_ROOM_GROUPS).map((group, g) => ({
        group: group.join('/'),
        compared: 20,
        closest: Array.from({ length: 5 }, (_, k) => 0.66 - k * 0.03 - ((i + g) % 4) * 0.02),
      })),
      pack: packId,
      labels: Object.fromEntries(groupBy.map((label, l) => [label, own[l]])),
    };
    return encodeRoomPayload(payload);
  });
}
