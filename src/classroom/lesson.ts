/**
 * The lesson's steps: one idea and one live figure each, with speaker notes. The text is fixed;
 * the figures come from the app's live state (see lesson-figures.ts). Pure: no DOM.
 */

/** Which live figure a step shows. */
export type LessonFigure = 'enrol' | 'score' | 'stranger' | 'gap' | 'threshold' | 'nist' | 'limits' | 'questions';

/** One step of the lesson. */
export interface LessonStep {
  figure: LessonFigure;
  title: string;
  /** The one idea, a sentence or two the room reads. */
  idea: string;
  /** What the presenter says and does, not shown to the room unless notes are on. */
  notes: string;
}

/** NISTIR 8280's headline, cited on screen wherever it is quoted. */
export const NIST_CITATION = 'Grother, Ngan & Hanaoka, Face Recognition Vendor Test Part 3: Demographic Effects, NISTIR 8280, NIST, December 2019.';

/** The three questions for the room, shared with the handout. */
export const DISCUSSION_QUESTIONS = [
  'Who chooses the threshold, and who bears the cost of each kind of mistake?',
  'Would you accept this system at a border, a shop door, or a school gate? What would change your answer?',
  'What would you need to know about a system like this before it is used on you?',
] as const;

/** The steps, in order. */
export const LESSON_STEPS: readonly LessonStep[] = [
  {
    figure: 'enrol', title: 'The system finds you',
    idea: 'A camera finds a face and turns it into a list of numbers. Enrolling keeps those numbers, not the picture.',
    notes: 'Stand in front of the camera. Enrol one volunteer (Live tab, Enrol me) before the session. Point out that nothing leaves this laptop.',
  },
  {
    figure: 'score', title: 'A score and a threshold',
    idea: 'Every comparison gives a score. Above the threshold the system says "same person"; below it, "someone else".',
    notes: 'Move your head, cover half your face: the score falls. The threshold is a choice someone makes, not a property of faces.',
  },
  {
    figure: 'stranger', title: 'A stranger\u2019s score',
    idea: 'Strangers score too. The closest stranger in the reference pack is how near the system comes to mistaking you for someone else.',
    notes: 'A stranger over the threshold is a false match. Ask: what happens to that stranger if this is a police system?',
  },
  {
    figure: 'gap', title: 'The gap between groups',
    idea: 'At one threshold, strangers in some groups are taken for each other more often than in others.',
    notes: 'Read the table aloud: the rate and its 95% interval. Intervals that overlap mean this pack cannot tell those groups apart.',
  },
  {
    figure: 'threshold', title: 'The threshold moves the gap',
    idea: 'Raise the threshold and false matches fall for everyone, but not equally, and more real people are turned away.',
    notes: 'Use the slider in presenter view afterwards to show it live. There is no threshold that makes every group equal.',
  },
  {
    figure: 'nist', title: 'What NIST found',
    idea: 'Testing 189 algorithms, NIST found false-match rates 10 to 100 times higher for some demographic groups than others.',
    notes: 'NISTIR 8280 (2019). The size of the gap depended on the algorithm: some had much smaller differentials. Our pack is far smaller than NIST\u2019s data.',
  },
  {
    figure: 'limits', title: 'What this pack cannot tell',
    idea: 'Labels were given by others and can be wrong; small groups give wide intervals; one dataset is not the world.',
    notes: 'This is a demonstration, not an audit. Numbers from a few hundred faces show the shape of the problem, not its exact size.',
  },
  {
    figure: 'questions', title: 'Questions for the room',
    idea: 'Join in: scan the code to open FaceGap on your own laptop. Your face stays on your laptop.',
    notes: 'Leave this up while people join. Then collect the room\u2019s codes (Room tab, Collect from the room).',
  },
];

/** The step after a key press, or null when the key is not a lesson key. Clickers send Page Up/Down. */
export function findStepForKey(step: number, key: string): number | null {
  const last = LESSON_STEPS.length - 1;
  if (['ArrowRight', 'ArrowDown', 'PageDown'].includes(key)) return Math.min(last, step + 1);
  if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(key)) return Math.max(0, step - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}
