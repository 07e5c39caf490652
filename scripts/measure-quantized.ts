/**
 * Compares two v1 packs of the same photos built with the same pipeline but different weights of
 * one model (the shipped ones and a re-quantised copy, scripts/quantize-weights.mjs): per face the
 * cosine between the two embeddings, per pair the change of the model's own score, and on each
 * pack the gate's EER, d' and medians (src/models/gate.ts). Prints a markdown block; the figures
 * in docs/models-float16.md come from it.
 *
 *   npx tsx scripts/measure-quantized.ts <reference.json> <candidate.json>
 */
import { readFileSync } from 'node:fs';
import { decodePack, type ReferencePack } from '../src/datasets/pack';
import { computeCosineSimilarity, getScoreFunction } from '../src/matching/scores';
import { measureGate } from '../src/models/gate';

const [referencePath, candidatePath] = process.argv.slice(2);
if (!referencePath || !candidatePath) {
  console.error('Usage: npx tsx scripts/measure-quantized.ts <reference.json> <candidate.json>');
  process.exit(2);
}
const reference = readPack(referencePath);
const candidate = readPack(candidatePath);
const byId = new Map(candidate.samples.map((sample) => [sample.id, sample]));
const shared = reference.samples.filter((sample) => byId.has(sample.id));
const lost = reference.samples.length - shared.length;
const gained = candidate.samples.length - shared.length;

const cosines = shared.map((sample) => computeCosineSimilarity(sample.embedding, byId.get(sample.id)!.embedding)).sort((a, b) => a - b);
const score = getScoreFunction(reference.score);
const changes = { genuine: [] as number[], impostor: [] as number[] };
for (let a = 0; a < shared.length; a++) {
  for (let b = a + 1; b < shared.length; b++) {
    const before = score(shared[a].embedding, shared[b].embedding);
    const after = score(byId.get(shared[a].id)!.embedding, byId.get(shared[b].id)!.embedding);
    const isGenuine = shared[a].subject !== null && shared[a].subject === shared[b].subject;
    (isGenuine ? changes.genuine : changes.impostor).push(after - before);
  }
}

console.log(`| | ${referencePath} | ${candidatePath} |\n| --- | --- | --- |`);
console.log(`| faces | ${reference.samples.length} | ${candidate.samples.length} (${lost} lost, ${gained} gained) |`);
if (shared.length > 2) {
  const gates = [reference, candidate].map((pack) => measureGate(pack));
  const row = (name: string, pick: (gate: (typeof gates)[number]) => string) => console.log(`| ${name} | ${pick(gates[0])} | ${pick(gates[1])} |`);
  row('EER at threshold', (g) => `${(g.eer * 100).toFixed(2)}% at ${g.eerThreshold.toFixed(4)}`);
  row("d'", (g) => g.dPrime.toFixed(3));
  row('median genuine / impostor', (g) => `${g.genuineMedian.toFixed(4)} / ${g.impostorMedian.toFixed(4)}`);
  row('threshold at FMR 1e-3, FNMR there', (g) => `${g.thresholdAtTarget.toFixed(4)}, ${(g.fnmrAtTarget * 100).toFixed(1)}%`);
}
console.log(`\nPer-face cosine, reference vs candidate embedding (${cosines.length} faces): min ${fixed(cosines[0], 6)}, ` +
  `1st percentile ${fixed(quantile(cosines, 0.01), 6)}, median ${fixed(quantile(cosines, 0.5), 6)}.`);
for (const kind of ['genuine', 'impostor'] as const) {
  const values = changes[kind];
  const absolute = values.map(Math.abs).sort((a, b) => a - b);
  const over = absolute.filter((value) => value > 0.002).length;
  console.log(`Score change (${reference.score}), ${kind} pairs (${values.length}): max |change| ${fixed(absolute.at(-1), 4)}, ` +
    `99th percentile ${fixed(quantile(absolute, 0.99), 4)}, median ${fixed(quantile(absolute, 0.5), 4)}, ` +
    `mean change ${fixed(values.reduce((sum, value) => sum + value, 0) / (values.length || 1), 5)}, over 0.002: ${over}.`);
}

const estimated = shared.filter((sample) => sample.estimates && byId.get(sample.id)!.estimates);
if (estimated.length) {
  const ageChanges = estimated.map((sample) => Math.abs(byId.get(sample.id)!.estimates!.age - sample.estimates!.age)).sort((a, b) => a - b);
  const genderFlips = estimated.filter((sample) => byId.get(sample.id)!.estimates!.gender !== sample.estimates!.gender).length;
  console.log(`Estimates (${estimated.length} faces): |age change| max ${fixed(ageChanges.at(-1), 1)} years, median ${fixed(quantile(ageChanges, 0.5), 1)}; ` +
    `gender guess changed for ${genderFlips}.`);
}

function readPack(path: string): ReferencePack {
  const text = readFileSync(path, 'utf8');
  const head = JSON.parse(text) as { model: { sha256: string; dim: number }; score: string };
  return decodePack(text, { modelSha256: head.model.sha256, dim: head.model.dim, scoreId: head.score });
}

function quantile(sorted: number[], q: number): number | undefined {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : undefined;
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}
