/** Events of the lesson elements. */

/** The presenter moved to another step (key, clicker or button). */
export class LessonStepChangeEvent extends Event {
  static readonly eventName = 'lesson-step-change' as const;
  constructor(/** The new step, 0-based. */ readonly step: number) {
    super(LessonStepChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The presenter left the lesson. */
export class LessonExitEvent extends Event {
  static readonly eventName = 'lesson-exit' as const;
  constructor() {
    super(LessonExitEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lesson-step-change': LessonStepChangeEvent;
    'lesson-exit': LessonExitEvent;
  }
}
