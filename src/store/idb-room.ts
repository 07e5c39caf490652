/**
 * The kept room on IndexedDB: the room codes a presenter chose to keep on this device, one record
 * per attendee. Nothing is written here unless that choice is on (app/classroom-controller.ts).
 */
import type { Connection } from './database';
import { checkRoomCodes, sortByKeptAt } from './records';
import type { RoomCodeRepository } from './types';

const WHAT = 'the kept room';

/** `RoomCodeRepository` over an IndexedDB connection. */
export function createIdbRoomCodeRepository(connection: Connection): RoomCodeRepository {
  return {
    list: () => connection.read(['roomCodes'], WHAT, async (tx) => sortByKeptAt(await tx.store.getAll())),

    async put(records) {
      checkRoomCodes(records);
      return connection.write(['roomCodes'], WHAT, async (tx) => {
        for (const record of records) await tx.store.put({ attendeeId: record.attendeeId, code: record.code, keptAt: record.keptAt });
      });
    },

    clear: () => connection.write(['roomCodes'], 'clearing the kept room', (tx) => tx.store.clear()),
  };
}
