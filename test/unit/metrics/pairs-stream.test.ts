import { describe, expect, it } from 'vitest';
import { PairTableBuilder } from '../../../src/metrics/pair-table-builder';
import { buildPairTable } from '../../../src/metrics/pair-table';
import { PairsCsvError, PairsCsvReader, parsePairsCsv, streamPairsCsv } from '../../../src/metrics/pairs-csv';
import type { ComparisonPair } from '../../../src/metrics/types';

const PAIR_COUNT = 50_000;

function makeCsv(count: number, badLine?: number): string {
  const lines = ['score,same,group_a,group_b,subject_a,subject_b'];
  for (let k = 0; k < count; k++) {
    const line = k + 2;
    lines.push(line === badLine ? '0x1F,0,A,B,s1,s2' : `${(k % 997) / 997},${k % 7 === 0 ? 1 : 0},"group ${k % 5}",G${k % 3},"subject, ${k % 101}",s${k % 89}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The text cut into chunks of uneven sizes, as a file stream would deliver it. */
async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0, k = 0; i < text.length; k++) {
    const end = i + size + (k % 13);
    yield text.slice(i, end);
    i = end;
  }
}

describe('streaming pairs CSV', () => {
  it('reads pairs as chunks arrive, before the input ends, and gives what the whole-text reader gives', async () => {
    const text = makeCsv(PAIR_COUNT);
    const streamed: ComparisonPair[] = [];
    let seenBeforeLastChunk = 0;
    const chunks = chunksOf(text, 4096);
    const counted = (async function* () {
      for await (const chunk of chunks) {
        seenBeforeLastChunk = streamed.length;
        yield chunk;
      }
    })();
    await streamPairsCsv(counted, 'big.csv', (pair) => streamed.push(pair));
    expect(streamed).toHaveLength(PAIR_COUNT);
    expect(seenBeforeLastChunk).toBeGreaterThan(PAIR_COUNT - 200);
    expect(streamed).toEqual(parsePairsCsv(text));
  });

  it('keeps file:line:column for an error deep in the stream', async () => {
    const text = makeCsv(PAIR_COUNT, 40_123);
    await expect(streamPairsCsv(chunksOf(text, 1000), 'big.csv', () => undefined))
      .rejects.toThrow(new PairsCsvError('big.csv', 40_123, 1, 'score "0x1F" is not a finite number in decimal notation.'));
  });

  it('refuses a blank line followed by pairs, wherever the chunks are cut', () => {
    const text = 'score,same,group_a,group_b\n0.5,1,A,A\n\n0.4,0,A,B\n';
    for (let cut = 1; cut < text.length; cut++) {
      const reader = new PairsCsvReader('f.csv', () => undefined);
      expect(() => {
        reader.push(text.slice(0, cut));
        reader.push(text.slice(cut));
        reader.end();
      }).toThrow('f.csv:3:1: expected 4 fields, found 1 (a blank line).');
    }
  });

  it('builds the same table incrementally as from pair objects', () => {
    const pairs = parsePairsCsv(makeCsv(3000));
    const builder = new PairTableBuilder();
    for (const pair of pairs) builder.add(pair);
    expect(builder.build()).toEqual(buildPairTable(pairs));
  });
});
