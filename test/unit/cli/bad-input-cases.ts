/**
 * Every refused command-line input, one row each: the tests run them (bad-input.test.ts) and the
 * table in docs/bad-input.md is written from them, so the documentation cannot drift from what
 * the tools say. `{name}` in an argument is a scratch file written from `files`, and `{photos}` an empty scratch folder.
 */
import { encodeFloat32Base64 } from '../../../src/datasets/base64';
import { makePackText } from './run-cli';

/** One refused input. */
export interface BadInputCase {
  command: 'metrics' | 'build:pack';
  /** What is wrong, in a few words, for the table. */
  input: string;
  args: string[];
  /** Scratch files by name, written before the run. */
  files?: Record<string, string>;
  /** What the message must contain (the table shows the whole message). */
  expected: string | RegExp;
  /** Exit code; 2 (bad input) unless given. */
  exit?: number;
}

const HEADER = 'score,same,group_a,group_b';
const csv = (body: string) => ({ 'pairs.csv': body });

/** A faceres pack (1024 numbers per face) whose second sample is all 3e38. */
function makeAbsurdPack(): string {
  const sample = (id: string, value: number) => ({ id, subject: id, labels: { race: 'A' }, embedding: new Float32Array(1024).fill(value) });
  const text = makePackText([sample('fine', 0.3), sample('huge', 0.31), sample('also-fine', -0.3)], { labels: ['race'], dim: 1024 });
  // encodePack validates, so the absurd values go in afterwards, as in a hand-edited file.
  const fine = encodeFloat32Base64(new Float32Array(1024).fill(0.31));
  return text.replace(fine, encodeFloat32Base64(new Float32Array(1024).fill(3e38)));
}

/** Every refused input of the metrics CLI and the pack builder, in the order of the table. */
export const BAD_INPUT_CASES: BadInputCase[] = [
  { command: 'metrics', input: 'a mistyped flag', args: ['--treshold', '0.5', '{pairs.csv}'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: 'unknown option --treshold (did you mean --threshold?)' },
  { command: 'metrics', input: 'an unknown short flag', args: ['-x', '{pairs.csv}'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: 'unknown option -x' },
  { command: 'metrics', input: 'a flag without its value', args: ['{pairs.csv}', '--threshold'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--threshold needs a value' },
  { command: 'metrics', input: 'a switch given a value', args: ['{pairs.csv}', '--exclude-unverified=yes'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--exclude-unverified takes no value' },
  { command: 'metrics', input: '--alpha outside 0..1', args: ['{pairs.csv}', '--alpha', '7'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--alpha must be a decimal number from 0 to 1; got "7"' },
  { command: 'metrics', input: 'a negative FMR target', args: ['{pairs.csv}', '--fmr-target', '-0.5'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--fmr-target must be a decimal number above 0 and below 1; got "-0.5"' },
  { command: 'metrics', input: 'an FMR target above 1', args: ['{pairs.csv}', '--fmr-target', '2'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: 'above 0 and below 1; got "2"' },
  { command: 'metrics', input: 'a hexadecimal threshold', args: ['{pairs.csv}', '--threshold', '0x1F'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--threshold must be a decimal number; got "0x1F"' },
  { command: 'metrics', input: 'an unknown output format', args: ['{pairs.csv}', '--format', 'xml'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--format must be json or table; got "xml"' },
  { command: 'metrics', input: 'an unknown impostor grouping', args: ['{pairs.csv}', '--impostor-grouping', 'all'], files: csv(`${HEADER}\n0.5,1,A,A\n`), expected: '--impostor-grouping must be within or probe' },
  { command: 'metrics', input: 'no input', args: [], expected: 'give either a pairs CSV file or --pack <file>' },
  { command: 'metrics', input: 'two pairs files', args: ['a.csv', 'b.csv'], expected: 'one pairs file only' },
  { command: 'metrics', input: '--pack without --group-by', args: ['--pack', 'p.json'], expected: '--pack needs --group-by' },
  { command: 'metrics', input: 'a file that does not exist', args: ['missing.csv'], expected: 'cannot read missing.csv: ENOENT' },
  { command: 'metrics', input: 'an empty pairs file', args: ['{pairs.csv}'], files: csv(''), expected: 'pairs.csv:1:1: the file is empty' },
  { command: 'metrics', input: 'an unknown column', args: ['{pairs.csv}'], files: csv(`${HEADER},colour\n0.5,1,A,A,red\n`), expected: 'pairs.csv:1:5: unknown column "colour"' },
  { command: 'metrics', input: 'a missing column', args: ['{pairs.csv}'], files: csv('score,same,group_a\n0.5,1,A\n'), expected: 'pairs.csv:1:4: missing column group_b' },
  { command: 'metrics', input: 'a header and no pairs', args: ['{pairs.csv}'], files: csv(`${HEADER}\n`), expected: 'pairs.csv:2:1: the file has a header but no pairs' },
  { command: 'metrics', input: 'a hexadecimal score', args: ['{pairs.csv}'], files: csv(`${HEADER}\n0.5,1,A,A\n0x1F,0,A,B\n`), expected: 'pairs.csv:3:1: score "0x1F" is not a finite number in decimal notation' },
  { command: 'metrics', input: 'a score that is a word', args: ['{pairs.csv}'], files: csv(`${HEADER}\nhigh,0,A,B\n`), expected: 'pairs.csv:2:1: score "high"' },
  { command: 'metrics', input: 'an infinite score', args: ['{pairs.csv}'], files: csv(`same,score,group_a,group_b\n1,Infinity,A,A\n`), expected: 'pairs.csv:2:2: score "Infinity"' },
  { command: 'metrics', input: '`same` other than 0 or 1', args: ['{pairs.csv}'], files: csv(`${HEADER}\n0.5,yes,A,A\n`), expected: 'pairs.csv:2:2: same must be 0 (impostor) or 1 (genuine)' },
  { command: 'metrics', input: 'an empty group', args: ['{pairs.csv}'], files: csv(`${HEADER}\n0.5,0,A, \n`), expected: 'pairs.csv:2:4: group_b is empty' },
  { command: 'metrics', input: 'a row with too few fields', args: ['{pairs.csv}'], files: csv(`${HEADER}\n0.5,0,A\n`), expected: 'pairs.csv:2:4: expected 4 fields, found 3' },
  { command: 'metrics', input: 'a blank line between pairs', args: ['{pairs.csv}'], files: csv(`${HEADER}\n0.5,1,A,A\n\n0.4,0,A,B\n`), expected: 'pairs.csv:3:1: expected 4 fields, found 1 (a blank line)' },
  { command: 'metrics', input: 'a quote left open', args: ['{pairs.csv}'], files: csv(`${HEADER}\n0.5,1,"A,A\n0.4,0,A,B\n`), expected: 'pairs.csv:2:3: a quoted field is not closed on this line' },
  { command: 'metrics', input: 'a pack embedding of absurd size (3e38)', args: ['--pack', '{absurd.json}', '--group-by', 'race'], files: { 'absurd.json': makeAbsurdPack() }, expected: 'the embedding of sample "huge" has length (euclidean norm)' },
  { command: 'metrics', input: 'a pack that is not JSON', args: ['--pack', '{broken.json}', '--group-by', 'race'], files: { 'broken.json': '{"format": "facegap-pack", ' }, expected: 'broken.json:' },
  { command: 'build:pack', input: 'a mistyped flag', args: ['--format', 'csv', '{photos}', '--labls', 'x.csv', '--out', 'p.json'], expected: 'unknown option --labls (did you mean --labels?)' },
  { command: 'build:pack', input: 'no --format', args: ['{photos}', '--out', 'p.json'], expected: '--format is required' },
  { command: 'build:pack', input: 'an unknown format', args: ['--format', 'jpg', '{photos}', '--out', 'p.json'], expected: '--format must be utkface or identity-folders or csv; got "jpg"' },
  { command: 'build:pack', input: 'no folder', args: ['--format', 'utkface', '--out', 'p.json'], expected: 'give exactly one folder of photos; got none' },
  { command: 'build:pack', input: 'a folder that does not exist', args: ['--format', 'utkface', 'no-such-folder', '--out', 'p.json'], expected: /no-such-folder is not a folder/ },
  { command: 'build:pack', input: 'no --out', args: ['--format', 'utkface', '{photos}'], expected: '--out <file.json> is required' },
  { command: 'build:pack', input: '--out without its value', args: ['--format', 'utkface', '{photos}', '--out'], expected: '--out needs a value <pack.json>' },
  { command: 'build:pack', input: '--format csv without --labels', args: ['--format', 'csv', '{photos}', '--out', 'p.json'], expected: '--format csv needs --labels <file.csv>' },
  { command: 'build:pack', input: '--margin outside 0..2', args: ['--format', 'utkface', '{photos}', '--out', 'p.json', '--margin', '3'], expected: '--margin must be a decimal number from 0 to 2; got "3"' },
  { command: 'build:pack', input: '--max-side too small or fractional', args: ['--format', 'utkface', '{photos}', '--out', 'p.json', '--max-side', '10.5'], expected: '--max-side must be a whole number from 64 to 16384; got "10.5"' },
  { command: 'build:pack', input: 'an unknown backend', args: ['--format', 'utkface', '{photos}', '--out', 'p.json', '--backend', 'gpu'], expected: '--backend must be wasm or webgl or cpu; got "gpu"' },
  { command: 'build:pack', input: 'a labels file that does not exist', args: ['--format', 'csv', '{photos}', '--labels', 'missing.csv', '--out', 'p.json'], expected: '--labels missing.csv: cannot read it (ENOENT)' },
];
