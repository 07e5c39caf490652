/**
 * Every way a pack file can be refused, as typed values with a sentence a user can act on.
 * A refused pack is refused whole: partial packs would skew per-group numbers without saying so.
 */
import { describeModelMismatch } from '../models/registry';

/** What the app keeps when it refuses a pack; appended to every rejection message. */
const NOTHING_IMPORTED = 'Nothing from this file was imported; your faces and other packs are unchanged.';

/** A refusal, discriminated by `code`; `message` is the sentence to show. */
export type PackRejection =
  | { code: 'not-json'; message: string }
  | { code: 'truncated'; message: string }
  | { code: 'wrong-format'; message: string; found: unknown }
  | { code: 'other-version'; message: string; found: unknown; isNewer: boolean }
  | { code: 'malformed'; message: string; path: string }
  | { code: 'other-dimension'; message: string; found: number; expected: number }
  | { code: 'other-model'; message: string; found: string; expected: string; foundPackage: string }
  | { code: 'other-score'; message: string; found: string; expected: string }
  | { code: 'bad-embedding'; message: string; sampleId: string; foundLength: number | null; expectedLength: number }
  | { code: 'duplicate-id'; message: string; id: string }
  | { code: 'undeclared-label'; message: string; id: string; label: string }
  | { code: 'bad-block'; message: string; packName: string };

/** The codes of {@link PackRejection}, for exhaustive handling in the UI. */
export type PackRejectionCode = PackRejection['code'];

/** Thrown by decodePack and encodePack; carries the rejection value. */
export class PackError extends Error {
  /** What was wrong, as data. */
  readonly rejection: PackRejection;

  constructor(rejection: PackRejection) {
    super(rejection.message);
    this.name = 'PackError';
    this.rejection = rejection;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A found value as JSON (strings quoted), cut to a readable length. */
function show(value: unknown): string {
  return shorten(JSON.stringify(value) ?? String(value));
}

/** Builders for each rejection, so wording stays in one place. */
export const reject = {
  notJson(): PackRejection {
    return { code: 'not-json', message: `This file is not a FaceGap pack: it is not JSON text. ${NOTHING_IMPORTED} Choose a .json file exported by FaceGap.` };
  },
  empty(): PackRejection {
    return { code: 'not-json', message: `This file is empty. ${NOTHING_IMPORTED} Save or download the pack again.` };
  },
  truncated(): PackRejection {
    return { code: 'truncated', message: `The file ends early: it was cut off while saving or downloading. ${NOTHING_IMPORTED} Save or download the pack again.` };
  },
  wrongFormat(found: unknown): PackRejection {
    const what = found === undefined ? 'it has no "format" field' : `its "format" is ${show(found)}, not "facegap-pack"`;
    return { code: 'wrong-format', found, message: `This JSON file is not a FaceGap pack: ${what}. ${NOTHING_IMPORTED}` };
  },
  otherVersion(found: unknown, supported: number): PackRejection {
    const isNewer = typeof found === 'number' && found > supported;
    const what = isNewer
      ? `it was made by a newer FaceGap (pack version ${found}; this one reads version ${supported}). ${NOTHING_IMPORTED} Update FaceGap, or export the pack again as version ${supported}.`
      : `its version ${show(found)} is not one FaceGap ever wrote (this one reads version ${supported}). ${NOTHING_IMPORTED}`;
    return { code: 'other-version', found, isNewer, message: `This pack cannot be read: ${what}` };
  },
  malformed(path: string, expectation: string): PackRejection {
    return { code: 'malformed', path, message: `This pack is damaged: ${path} should be ${expectation}. ${NOTHING_IMPORTED} Export the pack again.` };
  },
  otherDimension(found: number, expected: number): PackRejection {
    return {
      code: 'other-dimension', found, expected,
      message: `This pack holds ${found}-number embeddings, but this FaceGap's face model gives ${expected}: its scores cannot be compared with yours. ${NOTHING_IMPORTED}`,
    };
  },
  otherModel(found: string, expected: string, foundPackage: string): PackRejection {
    return {
      code: 'other-model', found, expected, foundPackage,
      message: `This pack was made with a different face model (${shorten(foundPackage)}, weights ${found.slice(0, 12)}..., yours ${expected.slice(0, 12)}...): its scores cannot be compared with yours. ${NOTHING_IMPORTED} Rebuild the pack with this FaceGap.`,
    };
  },
  otherModelId(found: string, expected: string, foundPackage: string): PackRejection {
    return {
      code: 'other-model', found, expected, foundPackage,
      message: `${describeModelMismatch(found, expected, 'This pack')} ${NOTHING_IMPORTED}`,
    };
  },
  otherScore(found: string, expected: string): PackRejection {
    return {
      code: 'other-score', found, expected,
      message: `This pack is meant for the score "${shorten(found)}", but this FaceGap computes "${expected}": its thresholds and numbers would not mean the same thing. ${NOTHING_IMPORTED}`,
    };
  },
  badEmbedding(sampleId: string, foundLength: number | null, expectedLength: number, why: string): PackRejection {
    return {
      code: 'bad-embedding', sampleId, foundLength, expectedLength,
      message: `This pack is damaged: the embedding of sample "${shorten(sampleId)}" ${why}. ${NOTHING_IMPORTED} Export the pack again.`,
    };
  },
  duplicateId(id: string): PackRejection {
    return {
      code: 'duplicate-id', id,
      message: `This pack is damaged: the id "${shorten(id)}" is used twice, so its results could be counted twice. ${NOTHING_IMPORTED} Export the pack again.`,
    };
  },
  /** A v2 pack whose binary block does not match its header; `what` ends the sentence. */
  badBlock(packName: string, what: string): PackRejection {
    return {
      code: 'bad-block', packName,
      message: `The pack "${shorten(packName)}" is damaged: ${what}. ${NOTHING_IMPORTED} Download or export the pack again.`,
    };
  },
  undeclaredLabel(id: string, label: string): PackRejection {
    return {
      code: 'undeclared-label', id, label,
      message: `This pack is damaged: "${shorten(id)}" has a label "${shorten(label)}" that the pack's "labels" list does not declare. ${NOTHING_IMPORTED} Export the pack again.`,
    };
  },
};
