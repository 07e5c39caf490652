import { describe, expect, it } from 'vitest';
import { detectLabelFormat, parseDetectedLabels, type LabelFormat } from '../../../../src/datasets/labels/detect';
import { readLabelFixture } from '../read-fixture';

const UTK_FILES = readLabelFixture('utkface-files.txt').trim().split('\n');
const LFW_FILES = ['lfw/Ann_Lee/Ann_Lee_0001.jpg', 'lfw/Ann_Lee/Ann_Lee_0002.jpg', 'lfw/Bo_Diaz/Bo_Diaz_0001.jpg'];
const PAIRS_CSV = 'file_a,file_b,same_identity\na.jpg,b.jpg,1\n';

const CASES: [string, string[], string[], LabelFormat, number | null][] = [
  ['UTKFace names, no CSV', UTK_FILES, [], 'utkface', null],
  ['folders per person, no CSV', LFW_FILES, [], 'identity-folders', null],
  ['folders plus LFW-94 labels.csv and pairs.csv', LFW_FILES, [PAIRS_CSV, readLabelFixture('lfw-style-labels.csv')], 'identity-folders', 1],
  ['folders plus a per-person CSV', LFW_FILES, [readLabelFixture('identity-level.csv')], 'identity-folders', 0],
  ['FairFace-style CSV (wins over UTKFace names)', ['set/images/a.jpg', ...UTK_FILES], [readLabelFixture('fairface-style.csv')], 'fairface-csv', 0],
  ['FairFace-style CSV with BOM and CRLF', ['a.jpg'], ['\uFEFFFile,Age,Gender,Race\r\na.jpg,3,male,White\r\n'], 'fairface-csv', 0],
  ['other CSV with a photo column', ['x/one.png'], [readLabelFixture('generic-semicolon.csv')], 'generic-csv', 0],
  ['flat photos with plain names', ['a.jpg', 'b.jpg'], [], 'unknown', null],
  ['only pairs.csv and flat photos', ['a.jpg', 'b.jpg'], [PAIRS_CSV], 'unknown', null],
  ['no photos at all', ['readme.md'], [], 'unknown', null],
];

describe('detectLabelFormat', () => {
  it.each(CASES)('%s', (_name, files, csvs, format, csvIndex) => {
    const detection = detectLabelFormat(files, csvs);
    expect(detection).toMatchObject({ format, csvIndex });
    expect(detection.reason.length).toBeGreaterThan(10);
  });

  it('offers the guessed mapping for a generic CSV', () => {
    expect(detectLabelFormat([], [readLabelFixture('generic-semicolon.csv')]).suggestedMapping).toMatchObject({ file: 'Photo', labels: { gender: 'Sex' } });
  });
});

describe('parseDetectedLabels', () => {
  it.each(CASES.filter(([, , , format]) => format !== 'unknown'))('runs the parser for: %s', (_name, files, csvs) => {
    const result = parseDetectedLabels(detectLabelFormat(files, csvs), files, csvs);
    expect(result.items.length).toBeGreaterThan(0);
  });

  it('uses a confirmed mapping for a generic CSV', () => {
    const csvs = [readLabelFixture('generic-semicolon.csv')];
    const result = parseDetectedLabels(detectLabelFormat(['x/one.png', 'x/two.png'], csvs), ['x/one.png', 'x/two.png'], csvs, {
      mapping: { file: 'Photo', labels: { race: 'Ethnicity' } },
    });
    expect(result.items.map((i) => i.labels)).toEqual([{ race: 'White' }, { race: 'Black' }]);
  });

  it('gives one problem and no items for an unknown format', () => {
    const result = parseDetectedLabels(detectLabelFormat(['a.jpg'], []), ['a.jpg'], []);
    expect(result).toMatchObject({ items: [], problems: [{ kind: 'missing-column' }] });
  });
});
