/** Shapes and text of the live-loop bench's report: the JSON file, the console table, BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { StageSummary } from './stats';

/** One measured loop. Stage times are in milliseconds. */
export interface LoopResult {
  loop: 'app' | 'bare';
  engine: { backend: string; thread: string; wasmSimd: boolean; wasmMultithread: boolean; crossOriginIsolated: boolean } | null;
  elapsedMs: number;
  frames: number;
  fps: number;
  /** The frame rate the app itself shows (fg-camera-view's readout, last 2 s), app loop only. */
  appReadoutFps: number | null;
  facesPerFrame: number;
  /** Frames whose embeddings were computed (the app embeds every EMBED_INTERVAL_MS, the bare loop every frame). */
  embeddedFrames: number;
  stages: {
    /** Detector and mesh (human's face stage minus the embedding). */
    detect: StageSummary | null;
    /** faceres embedding, over embedded frames. */
    embed: StageSummary | null;
    /** One detect call in the worker, all frames / embedded frames only. */
    workerTotal: StageSummary | null;
    workerTotalEmbedded: StageSummary | null;
    /** Page to worker and back: bitmap transfer, queue, inference, reply. */
    roundTrip: StageSummary | null;
    /** Between successive frames' answers: the loop's period. */
    interval: StageSummary | null;
  };
}

/** bench-results/live.json. */
export interface LiveReport {
  date: string;
  command: string;
  machine: {
    cpus: number; cpuModel: string; memoryGiB: number; gpu: string; browser: string; node: string;
    /** The 1-minute load average before and after: above `cpus`, other work shared the cores. */
    loadAverage1m: [number, number];
  };
  settings: { seconds: number; rounds: number; warmupMs: number; backend: string; camera: string };
  loops: LoopResult[];
}

const LOOP_NAMES: Record<LoopResult['loop'], string> = {
  app: 'App live loop (embeds every 300 ms)',
  bare: 'Bare human loop (embeds every frame)',
};

function cell(summary: StageSummary | null): string {
  return summary ? `${summary.mean.toFixed(0)} / ${summary.p95.toFixed(0)}` : '–';
}

function rows(report: LiveReport): string[][] {
  return report.loops.map((loop) => [
    LOOP_NAMES[loop.loop],
    loop.fps.toFixed(2),
    `${loop.frames} (${loop.embeddedFrames} embedded)`,
    cell(loop.stages.detect),
    cell(loop.stages.embed),
    cell(loop.stages.workerTotal),
    cell(loop.stages.workerTotalEmbedded),
    cell(loop.stages.roundTrip),
    cell(loop.stages.interval),
  ]);
}

const HEADER = ['Loop', 'Frames/s', 'Frames', 'Detect+mesh ms', 'Embed ms', 'Worker frame ms', 'Embedded frame ms', 'Round trip ms', 'Period ms'];

/** A plain table for the console. */
export function formatLiveTable(report: LiveReport): string {
  const table = [HEADER, ...rows(report)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  return table.map((row) => row.map((text, column) => text.padEnd(widths[column])).join('  ')).join('\n') + '\n(ms: mean / p95)';
}

/** The "Live loop" section of BENCHMARKS.md. */
export function formatLiveMarkdown(report: LiveReport): string {
  const { machine, settings } = report;
  const engine = report.loops[0]?.engine;
  const wasm = engine ? `${engine.backend}${engine.wasmSimd ? ' SIMD' : ''}${engine.wasmMultithread ? ', multithreaded' : ', single-threaded'}, in a worker` : 'unknown';
  return [
    `Measured ${report.date.slice(0, 10)} with \`${report.command}\` (results: bench-results/live.json).`,
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.gpu}; ${machine.browser}, headless; Node ${machine.node}.`,
    `Load average (1 min) before / after: ${machine.loadAverage1m.join(' / ')}${Math.max(...machine.loadAverage1m) > machine.cpus ? ' (other work shared the cores: treat the figures as a lower bound)' : ''}.`,
    `Backend: ${wasm}. Camera: ${settings.camera}. Each loop runs ${settings.seconds} s in ${settings.rounds} alternating rounds, each after loading the page and ${settings.warmupMs / 1000} s of warm-up.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`,
    ...rows(report).map((row) => `| ${row.join(' | ')} |`),
    '',
    'Times are mean / p95 in milliseconds. "Detect+mesh" is human\'s face stage without the embedding; "Worker frame" is one',
    '`human.detect` call in the worker, "Embedded frame" the same over frames that computed an embedding; "Round trip" is from',
    'the page posting the frame to the answer; "Period" is the time between two answers (the loop\'s frame time).',
  ].join('\n');
}

/**
 * Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in BENCHMARKS.md,
 * leaving every other section alone; appends the section when the markers are missing.
 */
export function updateBenchmarksSection(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const block = `${start}\n${body}\n${end}`;
  const next = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
