/** Events of the room elements. */

/** The scanner read a QR code's text off the camera. */
export class RoomCodeEvent extends Event {
  static readonly eventName = 'room-code' as const;
  constructor(/** The code's text, not yet validated. */ readonly text: string) {
    super(RoomCodeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The presenter cleared the room. */
export class RoomClearEvent extends Event {
  static readonly eventName = 'room-clear' as const;
  constructor() {
    super(RoomClearEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The presenter started or stopped collecting codes. */
export class RoomCollectToggleEvent extends Event {
  static readonly eventName = 'room-collect-toggle' as const;
  constructor(/** True to start reading codes from the camera. */ readonly isCollecting: boolean) {
    super(RoomCollectToggleEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The presenter turned "Keep the room on this device" on or off. */
export class RoomKeepChangeEvent extends Event {
  static readonly eventName = 'room-keep-change' as const;
  constructor(/** True to keep the collected codes on this device. */ readonly isKeeping: boolean) {
    super(RoomKeepChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'room-code': RoomCodeEvent;
    'room-clear': RoomClearEvent;
    'room-collect-toggle': RoomCollectToggleEvent;
    'room-keep-change': RoomKeepChangeEvent;
  }
}
