/** Shapes and text of the live-loop bench's report: the JSON file, the console table, BENCHMARKS.md. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LiveFigures } from './live-analysis';
import type { StageSummary } from './stats';

/** One measured loop. Stage times are in milliseconds. */
export interface LoopResult {
  loop: 'app' | 'bare';
  /** An A/B variant of the app loop (BENCH_AB=1), named; absent: the app as shipped. */
  variant?: string;
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
    /** Frames without an embedding, faces followed by the mesh / found by the full detector (app only). */
    trackedOnly?: StageSummary | null;
    detectedOnly?: StageSummary | null;
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
  /** One per face count: the app's live figures, both loops' stage times, and the answer-rate ratio. */
  scenarios: {
    faces: number;
    loadAverage1m: [number, number];
    figures: LiveFigures;
    /** The app's answers/s over the bare loop's, whole run, same video. */
    ratio: number | null;
    loops: LoopResult[];
    /** A/B variants of the app measured in the same rounds (BENCH_AB=1): their figures and ratio. */
    variants?: { name: string; figures: LiveFigures; ratio: number | null }[];
  }[];
}

/** Issue 11's targets, for the verdict column. */
export const LIVE_TARGETS = { answersPerSecond: { 1: 15, 3: 8 } as Record<number, number>, embeddingsPerSecond: 2, timeToMatchMs: 800, lagMs: 150, swing: 0.8, ratio: 2 };

const LOOP_NAMES: Record<LoopResult['loop'], string> = {
  app: 'App (tracks, embeds the followed face every 400 ms)',
  bare: 'Bare human (every frame fresh)',
};

const FIGURE_HEADER = ['Faces', 'Answers/s (target)', 'Detector share', 'Embeddings/s', 'Time to match ms (median / max, n)', 'Box lag ms', 'Swing', 'Box on (lag ms, swing)', 'Stale', 'Ratio to bare', 'Load'];

/** Where the drawn box was with several faces: each face (left, middle, right), its share and fit. */
function describePerFace(figures: LiveFigures): string {
  if (!figures.perFace || figures.perFace.length === 0) return '–';
  const anchors = [...figures.perFace].sort((a, b) => a.anchorX - b.anchorX).map((face) => face.anchorX);
  const names = anchors.length === 3 ? ['left', 'middle', 'right'] : anchors.map((x) => `x ${x}`);
  return figures.perFace.filter((face) => face.share > 0).map((face) => {
    const name = names[anchors.indexOf(face.anchorX)];
    const fit = face.lagMs === null || face.swing === null ? 'no fit' : `${face.lagMs.toFixed(0)}, ${(face.swing * 100).toFixed(0)}%`;
    return `${name} ${(face.share * 100).toFixed(0)}% (${fit})`;
  }).join('; ');
}

/** The lower median, or null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function mark(isMet: boolean | null): string {
  return isMet === null ? '' : isMet ? ' ✓' : ' ✗';
}

function figureRows(report: LiveReport): string[][] {
  const rows = report.scenarios.flatMap(({ faces, figures, ratio, loadAverage1m, variants }) => [
    { faces, label: String(faces), figures, ratio, loadAverage1m },
    ...(variants ?? []).map((variant) => ({ faces, label: `${faces}, ${variant.name} (A/B)`, figures: variant.figures, ratio: variant.ratio, loadAverage1m })),
  ]);
  return rows.map(({ faces, label, figures: f, ratio, loadAverage1m }) => {
    const target = LIVE_TARGETS.answersPerSecond[faces];
    const match = median(f.timeToMatchMs);
    const worst = f.timeToMatchMs.length ? Math.max(...f.timeToMatchMs) : null;
    return [
      label,
      `${f.answersPerSecond.toFixed(1)} (${target ?? '–'})${mark(target ? f.answersPerSecond >= target : null)}`,
      `${(f.detectedShare * 100).toFixed(0)}%`,
      `${f.embeddingsPerSecond.toFixed(1)}${mark(f.embeddingsPerSecond >= LIVE_TARGETS.embeddingsPerSecond)}`,
      match === null ? '–' : `${match.toFixed(0)} / ${worst!.toFixed(0)}, ${f.timeToMatchMs.length}${mark(worst! <= LIVE_TARGETS.timeToMatchMs)}`,
      f.lagMs === null ? '–' : `${f.lagMs.toFixed(0)}${mark(f.lagMs <= LIVE_TARGETS.lagMs)}`,
      f.swing === null ? '–' : `${(f.swing * 100).toFixed(0)}%${mark(f.swing >= LIVE_TARGETS.swing)}`,
      describePerFace(f),
      `${(f.staleShare * 100).toFixed(0)}%`,
      ratio === null ? '–' : `${ratio.toFixed(2)}x${mark(ratio >= LIVE_TARGETS.ratio)}`,
      loadAverage1m.join(' → '),
    ];
  });
}

function cell(summary: StageSummary | null): string {
  return summary ? `${summary.mean.toFixed(0)} / ${summary.p95.toFixed(0)}` : '–';
}

function rows(report: LiveReport): string[][] {
  return report.scenarios.flatMap((scenario) => scenario.loops.map((loop) => [
    `${LOOP_NAMES[loop.loop]}${loop.variant ? `, ${loop.variant} (A/B)` : ''}, ${scenario.faces} face${scenario.faces > 1 ? 's' : ''}`,
    loop.fps.toFixed(2),
    `${loop.frames} (${loop.embeddedFrames} embedded)`,
    cell(loop.stages.detect),
    cell(loop.stages.embed),
    cell(loop.stages.workerTotal),
    cell(loop.stages.workerTotalEmbedded),
    cell(loop.stages.trackedOnly ?? null),
    cell(loop.stages.detectedOnly ?? null),
    cell(loop.stages.roundTrip),
    cell(loop.stages.interval),
  ]));
}

const HEADER = ['Loop', 'Frames/s', 'Frames', 'Detect+mesh ms', 'Embed ms', 'Worker frame ms', 'Embedded frame ms', 'Tracked, no embed ms', 'Detected, no embed ms', 'Round trip ms', 'Period ms'];

/** A plain-text table, columns padded. */
export function plain(header: string[], body: string[][]): string {
  const table = [header, ...body];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  return table.map((row) => row.map((text, column) => text.padEnd(widths[column])).join('  ')).join('\n');
}

/** A markdown table, numbers right-aligned. */
export function markdown(header: string[], body: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)];
}

/** Plain tables for the console. */
export function formatLiveTable(report: LiveReport): string {
  return `${plain(FIGURE_HEADER, figureRows(report))}\n\n${plain(HEADER, rows(report))}\n(ms: mean / p95)`;
}

/** The "Live loop" section of BENCHMARKS.md. */
export function formatLiveMarkdown(report: LiveReport): string {
  const { machine, settings } = report;
  const engine = report.scenarios[0]?.loops[0]?.engine;
  const wasm = engine ? `${engine.backend}${engine.wasmSimd ? ' SIMD' : ''}${engine.wasmMultithread ? ', multithreaded' : ', single-threaded'}, in a worker` : 'unknown';
  return [
    `Measured ${report.date.slice(0, 10)} with \`${report.command}\` (results: bench-results/live.json).`,
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.gpu}; ${machine.browser}, headless; Node ${machine.node}.`,
    `Load average (1 min) before / after: ${machine.loadAverage1m.join(' / ')}${Math.max(...machine.loadAverage1m) > machine.cpus ? ' (other work shared the cores: treat the figures as a lower bound)' : ''}.`,
    `Backend: ${wasm}. Camera: ${settings.camera}. Each loop runs ${settings.seconds} s per face count in ${settings.rounds} alternating rounds, each after loading the page and ${settings.warmupMs / 1000} s of warm-up.`,
    '',
    ...markdown(FIGURE_HEADER, figureRows(report)),
    '',
    'Answers/s, detector share and embeddings/s count the app\'s answers while faces are in the picture; time to match runs from the',
    'first frame showing the faces (read from the frame\'s marker as the page presents it) to the meter showing a score; lag and',
    'swing fit the drawn box (as drawn, at display rate) to the faces\' known motion; stale is the share of display frames with',
    'faces in view whose box was missing or drawn stale; the ratio is answers/s of the app over the bare loop, whole run, same video.',
    '"Box on": with three faces, each drawn box is assigned to the nearest face of the video (its centre at the shown frame\'s',
    'shift), and lag and swing are fitted per face: the share of boxes on each face, then its lag (ms) and swing; the lag and',
    'swing columns are those of the face boxed most. Rows marked (A/B) are a variant of the app measured in the same alternating',
    'rounds (BENCH_AB=1): "every face embedded" is the app before it embedded only the followed face.',
    '',
    ...markdown(HEADER, rows(report)),
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

/**
 * Writes a bench's results as JSON (`resultsFile`, its folder made when missing) and its section
 * of the repository's BENCHMARKS.md, and says so.
 */
export function saveBenchReport(resultsFile: string, report: unknown, section: string, markdown: string): void {
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  updateBenchmarksSection(resolve(import.meta.dirname, '../../BENCHMARKS.md'), section, markdown);
  console.log(`wrote ${resultsFile} and the ${section} section of BENCHMARKS.md`);
}
