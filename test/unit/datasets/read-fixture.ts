import { readFileSync } from 'node:fs';

/** Reads a file of test/fixtures/labels (owned by the project; never ../shared). */
export function readLabelFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/labels/${name}`, import.meta.url), 'utf8');
}
