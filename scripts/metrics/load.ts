/**
 * Where the metrics CLI's pairs come from: a pairs CSV, streamed line by line, or a reference
 * pack scored all-pairs. Either way the result is a {@link PairTable}.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { SCORE_ID } from '../../src/matching/similarity';
import { decodePack, type PackSample } from '../../src/datasets/pack';
import { packEmbeddings, scoreAllPairs } from '../../src/metrics/all-pairs';
import { buildPairTableFromSamples } from '../../src/metrics/pair-table';
import { PairTableBuilder } from '../../src/metrics/pair-table-builder';
import { streamPairsCsv } from '../../src/metrics/pairs-csv';
import type { PairTable } from '../../src/metrics/types';
import { UsageError } from '../cli/args';

/** Chunk size of the pairs stream: large enough to read fast, small beside the pairs themselves. */
const READ_CHUNK_BYTES = 1 << 20;

/** Describes why a file cannot be read (ENOENT, EISDIR...). */
function describeReadError(file: string, error: unknown): UsageError {
  return new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
}

/**
 * Streams a pairs CSV into a table: the text is never held whole (a 600 MB file is no longer
 * one string), and every refusal keeps its file:line:column.
 */
export async function loadPairsTable(file: string): Promise<PairTable> {
  const builder = new PairTableBuilder();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  try {
    await streamPairsCsv(stream as AsyncIterable<string>, file, (pair) => builder.add(pair));
  } catch (error) {
    stream.destroy();
    if ((error as NodeJS.ErrnoException).code !== undefined && !(error instanceof UsageError)) throw describeReadError(file, error);
    throw error;
  }
  return builder.build();
}

/** Reads a whole file (packs are parsed whole), turning a missing one into a readable error. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw describeReadError(file, error);
  }
}

/**
 * Decodes a pack through src/datasets/pack.ts, checked against its own model (the CLI has no
 * model of its own) and our score id, and keeps the samples that have every `groupBy` label.
 */
export function loadPackTable(file: string, groupBy: string[], isExcludingUnverified: boolean): PairTable {
  const text = readText(file);
  let model: { sha256?: unknown; dim?: unknown } = {};
  try {
    model = (JSON.parse(text.replace(/^\uFEFF/, '')) as { model?: typeof model }).model ?? {};
  } catch {
    /* decodePack below says what is wrong */
  }
  let samples: PackSample[];
  try {
    samples = decodePack(text, { modelSha256: String(model.sha256), dim: Number(model.dim), scoreId: SCORE_ID }).samples;
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unverified = isExcludingUnverified ? samples.filter((s) => s.labels.race_label_source === 'unverified').length : 0;
  const kept = samples.filter((s) => !(isExcludingUnverified && s.labels.race_label_source === 'unverified'));
  const labelled = kept.filter((s) => groupBy.every((name) => (s.labels[name] ?? '').trim() !== ''));
  if (unverified > 0) process.stderr.write(`${file}: left out ${unverified} samples whose race label is unverified.\n`);
  if (labelled.length < kept.length) {
    process.stderr.write(`${file}: left out ${kept.length - labelled.length} of ${kept.length} samples missing a ${groupBy.join(' or ')} label.\n`);
  }
  if (labelled.length < 2) throw new UsageError(`${file}: fewer than two samples have ${groupBy.join(' and ')} labels; nothing to compare.`);
  const { packed, dim } = packEmbeddings(labelled.map((s) => s.embedding));
  const scored = scoreAllPairs(packed, dim);
  return buildPairTableFromSamples(scored, labelled.map((s) => ({ group: groupBy.map((name) => s.labels[name].trim()).join('/'), subject: s.subject })));
}

