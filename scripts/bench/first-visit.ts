/**
 * `npm run bench -- first-visit`: what a first visit downloads and how soon it works (issue #10).
 * The bench build (.cache/bench-dist, the production app) served by a plain static server without
 * compression, a fresh profile, a fake camera, 60 s. Prints the bytes the server sent per file,
 * the time to the first face box and from enrolment to the first match, with the machine's load,
 * and writes bench-results/first-visit.json. Goal: at most 13 MB and the first box within 1.5 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runFirstVisit } from './first-visit-run';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, '.cache/bench-dist');
const VISIT_MS = 60_000;
const BUDGET_BYTES = 13 * 1024 * 1024;
const FIRST_BOX_BUDGET_MS = 1_500;

const MB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

const loadBefore = execFileSync('uptime').toString().trim();
const visit = await runFirstVisit(DIST, join(ROOT, 'test/fixtures/camera-person-a.jpg'), { durationMs: VISIT_MS });
const loadAfter = execFileSync('uptime').toString().trim();
const total = visit.traffic.reduce((sum, file) => sum + file.bytes, 0);
const twice = visit.traffic.filter((file) => file.requests > 1 && file.bytes / file.requests > 50 * 1024);

console.log(`first visit of ${(visit.visitMs / 1000).toFixed(0)} s; load before: ${loadBefore}; after: ${loadAfter}`);
console.log('| File | Requests | MB sent |\n|---|---:|---:|');
for (const file of visit.traffic.filter((entry) => entry.bytes > 0)) console.log(`| ${file.path} | ${file.requests} | ${MB(file.bytes)} |`);
console.log(`| **all ${visit.traffic.length} files** | ${visit.traffic.reduce((sum, file) => sum + file.requests, 0)} | **${MB(total)}** |`);
console.log(`sent ${MB(total)} MB (goal <= ${MB(BUDGET_BYTES)}): ${total <= BUDGET_BYTES ? 'met' : 'NOT met'}`);
console.log(`first face box ${visit.firstFaceBoxMs.toFixed(0)} ms after navigation (goal <= ${FIRST_BOX_BUDGET_MS}): ${visit.firstFaceBoxMs <= FIRST_BOX_BUDGET_MS ? 'met' : 'NOT met'}`);
console.log(`enrolment to first match ${visit.enrolToMatchMs} ms`);
console.log(`files over 50 KB sent more than once: ${twice.length === 0 ? 'none' : twice.map((file) => `${file.path} x${file.requests}`).join(', ')}`);
console.log(`Cache Storage at the end: ${JSON.stringify(visit.caches)}`);

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/first-visit.json'), `${JSON.stringify({ loadBefore, loadAfter, totalBytes: total, ...visit }, null, 2)}\n`);
