import { describe, expect, it } from 'vitest';
import { assignSampleIds, orderRecords, planResume } from '../../../src/import/resume';
import type { ImportRecord } from '../../../src/import/types';

const item = (file: string) => ({ labelled: { file, subject: null, labels: {}, notes: [] } });
const failed = (file: string): ImportRecord => ({ status: 'failed', file, hash: '', id: file, labels: {}, reason: 'no-face', message: '' });

describe('planResume', () => {
  it('redoes nothing that has an outcome and keeps item order', () => {
    const items = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].map(item);
    const plan = planResume(items, [failed('c.jpg'), failed('a.jpg')]);
    expect(plan.todo.map((i) => i.labelled.file)).toEqual(['b.jpg', 'd.jpg']);
    expect(plan.kept.map((r) => r.file)).toEqual(['a.jpg', 'c.jpg']);
    expect(plan.orphaned).toEqual([]);
  });

  it('reports outcomes of files that are no longer chosen', () => {
    const plan = planResume([item('a.jpg')], [failed('a.jpg'), failed('gone.jpg')]);
    expect(plan.todo).toEqual([]);
    expect(plan.orphaned.map((r) => r.file)).toEqual(['gone.jpg']);
  });

  it('starts from scratch with an empty ledger', () => {
    expect(planResume([item('a.jpg')], []).todo).toHaveLength(1);
  });
});

describe('assignSampleIds', () => {
  it('uses file names, and whole paths only where names clash', () => {
    const ids = assignSampleIds(['Ann/Ann_1.jpg', 'x/same.jpg', 'y/same.jpg']);
    expect([...ids.values()]).toEqual(['Ann_1.jpg', 'x/same.jpg', 'y/same.jpg']);
  });
});

describe('orderRecords', () => {
  it('sorts by the chosen order, unknown files last', () => {
    const ordered = orderRecords([failed('x.jpg'), failed('b.jpg'), failed('a.jpg')], ['a.jpg', 'b.jpg']);
    expect(ordered.map((r) => r.file)).toEqual(['a.jpg', 'b.jpg', 'x.jpg']);
  });
});
