import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

function listWorkers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listWorkers(path);
    return entry.name.endsWith('.worker.ts') ? [path] : [];
  });
}

describe('every worker installs the origin guard before anything else', () => {
  const workers = listWorkers(SRC);

  it('finds the workers', () => {
    expect(workers.map((path) => relative(SRC, path)).sort()).toEqual(expect.arrayContaining(['metrics/all-pairs.worker.ts', 'metrics/bootstrap.worker.ts', 'vision/vision.worker.ts']));
  });

  it.each(workers.map((path) => [relative(SRC, path), path]))('%s imports install-origin-guard first', (_, path) => {
    const firstImport = readFileSync(path, 'utf8').split('\n').find((line) => line.startsWith('import '));
    expect(firstImport).toMatch(/^import '(\.\.\/)+privacy\/install-origin-guard';$/);
  });
});
