/**
 * Telling the other FaceGap tabs of this origin that "Forget everything" ran, so none keeps
 * matching against people that no longer exist. A BroadcastChannel reaches every open tab at once;
 * the database's own versionchange event (store/database.ts) is the second, independent signal.
 */

/** The channel's name: one per origin, shared by every FaceGap tab. */
export const WIPE_CHANNEL_NAME = 'facegap-wipe';

/** The one message on the channel. */
export interface WipeAnnouncement {
  type: 'wiped';
  /** Whether the sending tab deleted everything now (false: the database goes once tabs let go). */
  isComplete: boolean;
}

/**
 * One tab's end of the wipe channel. A tab announces and listens on the same BroadcastChannel
 * object, because a channel does not hear its own messages but does hear another object's of the
 * same tab: two objects would make a tab react to its own wipe.
 */
export class WipeChannel {
  private readonly channel: BroadcastChannel | null;

  /** Starts listening; `onWiped` runs when another tab announces a wipe. */
  constructor(onWiped: (announcement: WipeAnnouncement) => void, name = WIPE_CHANNEL_NAME) {
    // Without BroadcastChannel the versionchange event still reaches tabs holding the database.
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isWipeAnnouncement(event.data)) onWiped(event.data);
    });
  }

  /** Tells every other tab that everything was deleted. */
  announce(isComplete: boolean): void {
    const announcement: WipeAnnouncement = { type: 'wiped', isComplete };
    this.channel?.postMessage(announcement);
  }

  /** Stops listening. */
  close(): void {
    this.channel?.close();
  }
}

function isWipeAnnouncement(data: unknown): data is WipeAnnouncement {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'wiped';
}
