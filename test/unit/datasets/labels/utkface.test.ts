import { describe, expect, it } from 'vitest';
import { parseUtkFaceFiles, parseUtkFaceName } from '../../../../src/datasets/labels/utkface';
import { readLabelFixture } from '../read-fixture';

describe('parseUtkFaceName', () => {
  it.each([
    ['26_0_0_20170117171705044.jpg.chip.jpg', { ageYears: 26, gender: 'male', race: 'White' }],
    ['a/b/45_1_1_20170116203116520.jpg', { ageYears: 45, gender: 'female', race: 'Black' }],
    ['1_1_2_2017.png', { ageYears: 1, gender: 'female', race: 'Asian' }],
    ['90_0_3_1.jpg', { ageYears: 90, gender: 'male', race: 'Indian' }],
    ['30_1_4_1.jpg', { ageYears: 30, gender: 'female', race: 'Others' }],
  ])('reads %s', (name, parsed) => {
    expect(parseUtkFaceName(name)).toEqual(parsed);
  });

  it.each([
    ['39_1_20170116174525125.jpg.chip.jpg', /does not follow/],
    ['61_3_0_20170109142408075.jpg', /gender code 3/],
    ['30_0_7_1.jpg', /race code 7/],
    ['130_0_0_1.jpg', /age 130/],
    ['portrait.jpg', /does not follow/],
    ['a_b_c_d.jpg', /does not follow/],
  ])('explains what is wrong with %s', (name, message) => {
    const parsed = parseUtkFaceName(name);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('parseUtkFaceFiles', () => {
  const files = readLabelFixture('utkface-files.txt').trim().split('\n');
  const result = parseUtkFaceFiles([...files, files[0]]);

  it('labels well-named photos with race, gender, age band and age; subject null', () => {
    expect(result.items).toEqual([
      { file: files[0], subject: null, labels: { race: 'White', gender: 'male', age_band: '18-29' }, age: 26, notes: [] },
      { file: files[1], subject: null, labels: { race: 'Black', gender: 'female', age_band: '45-70' }, age: 45, notes: [] },
      { file: files[2], subject: null, labels: { race: 'Asian', gender: 'female', age_band: '45-70' }, age: 70, notes: [] },
      { file: files[3], subject: null, labels: { race: 'Indian', gender: 'male' }, age: 8, notes: ['age-outside-bands:8'] },
    ]);
  });

  it('reports every other file instead of crashing or dropping it silently', () => {
    expect(result.problems.map((p) => [p.kind, p.file])).toEqual([
      ['not-an-image', 'utk/notes.txt'],
      ['age-outside-bands', files[3]],
      ['malformed-name', files[4]],
      ['malformed-name', files[5]],
      ['malformed-name', files[6]],
      ['duplicate-entry', files[0]],
    ]);
    expect(result.problems.find((p) => p.kind === 'malformed-name')!.message).toMatch(/skipped/);
  });
});
