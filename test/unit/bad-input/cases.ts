/**
 * Every input the command lines refuse, with what they say. The test runs each case and checks its
 * message and exit code; docs/bad-input.md is generated from the same list (and what each case
 * really printed), so the table cannot drift from the code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeFloat32Base64 } from '../../../src/datasets/base64';
import { encodePack } from '../../../src/datasets/pack';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

/** One refused input. `files` are written to a scratch folder; `$dir` in args names that folder. */
export interface BadInputCase {
  /** What is wrong, as a reader of the table would say it. */
  what: string;
  cli: 'metrics' | 'build:pack';
  args: string[];
  files?: Record<string, string>;
  exitCode: number;
  /** What the message must say. */
  says: RegExp;
}

const GOOD_HEADER = 'score,same,group_a,group_b\n';

/** A pack whose first embedding is 3e38 floats: valid base64, absurd for any face model. */
function absurdPack(): string {
  const pack = createSyntheticPack({ dim: 16 });
  const text = encodePack(pack);
  const json = JSON.parse(text) as { samples: { embedding: string }[] };
  json.samples[0].embedding = encodeFloat32Base64(new Float32Array(16).fill(3e38));
  return JSON.stringify(json);
}

export const BAD_INPUT_CASES: BadInputCase[] = [
  { what: 'an unknown flag', cli: 'metrics', args: ['-x', '$dir/ok.csv'], exitCode: 2, says: /Unknown option '-x'\. See --help\./ },
  { what: 'a mistyped flag', cli: 'metrics', args: ['--threshhold', '0.5', '$dir/ok.csv'], exitCode: 2, says: /Unknown option '--threshhold'/ },
  { what: '--alpha outside 0 to 1', cli: 'metrics', args: ['--alpha', '7', '$dir/ok.csv'], exitCode: 2, says: /--alpha takes a decimal number from 0 to 1; got "7"/ },
  { what: 'a negative --fmr-target', cli: 'metrics', args: ['--fmr-target=-0.5', '$dir/ok.csv'], exitCode: 2, says: /--fmr-target takes a decimal number above 0 to 1; got "-0\.5"/ },
  { what: 'a negative --fmr-target, space-separated', cli: 'metrics', args: ['--fmr-target', '-0.5', '$dir/ok.csv'], exitCode: 2, says: /--fmr-target takes a decimal number above 0 to 1; got "-0\.5"/ },
  { what: '--fmr-target above 1', cli: 'metrics', args: ['--fmr-target', '2', '$dir/ok.csv'], exitCode: 2, says: /--fmr-target takes a decimal number above 0 to 1; got "2"/ },
  { what: 'a hexadecimal --threshold', cli: 'metrics', args: ['--threshold', '0x1F', '$dir/ok.csv'], exitCode: 2, says: /--threshold takes a decimal number; got "0x1F"/ },
  { what: 'two pairs files', cli: 'metrics', args: ['$dir/ok.csv', '$dir/ok.csv'], exitCode: 2, says: /one pairs file only/ },
  { what: 'a missing file', cli: 'metrics', args: ['$dir/nope.csv'], exitCode: 2, says: /cannot read .*nope\.csv: ENOENT/ },
  { what: 'a hexadecimal score', cli: 'metrics', args: ['$dir/bad.csv'], files: { 'bad.csv': `${GOOD_HEADER}0x1F,0,A,B\n` }, exitCode: 2, says: /bad\.csv:2:1: score "0x1F" is not a finite decimal number/ },
  { what: 'an infinite score', cli: 'metrics', args: ['$dir/bad.csv'], files: { 'bad.csv': `${GOOD_HEADER}Infinity,0,A,B\n` }, exitCode: 2, says: /bad\.csv:2:1: score "Infinity" is not a finite decimal number/ },
  { what: 'a quote never closed', cli: 'metrics', args: ['$dir/bad.csv'], files: { 'bad.csv': `${GOOD_HEADER}0.5,0,"A,B\n0.4,0,A,B\n` }, exitCode: 2, says: /bad\.csv:2:3: a quoted field opened on line 2 is never closed/ },
  { what: 'a blank line between pairs', cli: 'metrics', args: ['$dir/bad.csv'], files: { 'bad.csv': `${GOOD_HEADER}0.5,0,A,B\n\n0.4,0,A,B\n` }, exitCode: 2, says: /bad\.csv:3:1: expected 4 fields, found 1 \(a blank line\)/ },
  { what: 'a pack embedding of 3e38 floats', cli: 'metrics', args: ['--pack', '$dir/absurd.json', '--group-by', 'race'], files: { 'absurd.json': absurdPack() }, exitCode: 2, says: /the embedding of sample "g0p0f0" has a length of 1\.20e\+39, beyond the 1000 any face model here gives/ },
  { what: '--group-by without --pack', cli: 'metrics', args: ['--group-by', 'race', '$dir/ok.csv'], exitCode: 2, says: /--group-by and --exclude-unverified go with --pack/ },
  { what: 'a mistyped flag', cli: 'build:pack', args: ['--format', 'utkface', '$dir', '--out', '$dir/p.json', '--labls', 'x.csv'], exitCode: 2, says: /Unknown option '--labls'/ },
  { what: 'an unknown format', cli: 'build:pack', args: ['--format', 'fairface', '$dir', '--out', '$dir/p.json'], exitCode: 2, says: /--format must be utkface, identity-folders or csv/ },
  { what: 'a fractional --max-side', cli: 'build:pack', args: ['--format', 'utkface', '$dir', '--out', '$dir/p.json', '--max-side', '100.5'], exitCode: 2, says: /--max-side takes a whole number of pixels from 64 to 16384; got "100\.5"/ },
  { what: '--margin out of range', cli: 'build:pack', args: ['--format', 'utkface', '$dir', '--out', '$dir/p.json', '--margin', '3'], exitCode: 2, says: /--margin takes a decimal number from 0 to 2; got "3"/ },
  { what: 'no folder', cli: 'build:pack', args: ['--format', 'utkface', '--out', '$dir/p.json'], exitCode: 2, says: /give exactly one folder of photos; got 0/ },
  { what: 'csv without labels', cli: 'build:pack', args: ['--format', 'csv', '$dir', '--out', '$dir/p.json'], exitCode: 2, says: /--format csv needs --labels <file\.csv>/ },
];

/** The markdown table of docs/bad-input.md, from the cases and what each really printed. */
export function renderBadInputDoc(printed: readonly string[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ').trim();
  const rows = BAD_INPUT_CASES.map((c, i) => `| \`${c.cli}\` | ${c.what} | \`${cell(c.args.join(' ').replaceAll('$dir/', '').replaceAll('$dir', '<folder>'))}\` | ${c.exitCode} | ${cell(printed[i])} |`);
  return [
    '# Bad input the command lines refuse',
    '',
    'Generated by `test/unit/bad-input/bad-input.test.ts` from the cases in `test/unit/bad-input/cases.ts`:',
    'each row is a case the test runs, with the message it really printed. Rerun with',
    '`UPDATE_BAD_INPUT_DOC=1 npx vitest run test/unit/bad-input` after changing a message; the test',
    'fails while this file differs. The page\'s own refusals (camera, files, packs, storage) are',
    'tested in `test/browser/bad-input.test.ts` and `test/e2e/bad-input.e2e.test.ts`.',
    '',
    '| command | input | arguments | exit | message |',
    '|---|---|---|---:|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Writes the scratch files of a case into `dir`. */
export function writeCaseFiles(dir: string, c: BadInputCase): void {
  writeFileSync(join(dir, 'ok.csv'), `${GOOD_HEADER}0.5,0,A,B\n0.7,1,A,A\n`);
  for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(join(dir, name), text);
}
