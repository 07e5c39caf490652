import { describe, expect, it } from 'vitest';
import { createMemoryLedger, fromFileRecord, toFileOutcome } from '../../../src/import/ledger';
import type { ImportRecord } from '../../../src/import/types';

const done: ImportRecord = {
  status: 'done', file: 'p/a.jpg', hash: 'ab12', id: 'a.jpg', subject: 'p', labels: { race: 'Black', gender: 'female' },
  embedding: Float32Array.from([0.5, -1, 2]), estimates: { age: 31.5, gender: 'female', genderScore: 0.9 }, notes: ['several-faces:2'],
};
const failed: ImportRecord = {
  status: 'failed', file: 'b.png', hash: '', id: 'b.png', labels: { race: 'Others|x}' }, reason: 'unreadable',
  message: 'b.png is not an image.\nSecond line.',
};

const withOthers: ImportRecord = {
  ...done, file: 'p/c.jpg', id: 'c.jpg',
  others: { dlib: Float32Array.from([0.25, 0.75]) },
  otherProblems: { mobileface: 'The MobileFace model did not load (HTTP 404).' },
};

describe('store ledger encoding', () => {
  it.each([['a sample', done], ['a failure with awkward characters', failed], ["a sample with other models' embeddings and problems", withOthers]])('round-trips %s', (_, record) => {
    const outcome = toFileOutcome(record);
    expect(fromFileRecord({ ...outcome, jobId: 'j', recordedAt: 1 })).toEqual(record);
  });

  it('keeps the sentence first, so a list of problems can show it', () => {
    expect(toFileOutcome(failed).problem?.startsWith('b.png is not an image.')).toBe(true);
  });

  it('ignores records it did not write', () => {
    expect(fromFileRecord({ jobId: 'j', file: 'x', status: 'failed', problem: 'Something else.', recordedAt: 1 })).toBeNull();
  });
});

describe('memory ledger', () => {
  it('keeps one outcome per file, the latest', async () => {
    const ledger = createMemoryLedger([failed]);
    await ledger.record({ ...failed, reason: 'no-face' });
    expect(await ledger.listRecords()).toEqual([{ ...failed, reason: 'no-face' }]);
  });
});
