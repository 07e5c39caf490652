/**
 * The live-models bench's results (scripts/bench/live-models.ts): each offered model's live loop
 * summed up from its rounds, the JSON file's shape, the console table and the BENCHMARKS.md section.
 */
import type { AppProbeFrame } from './app-probe';
import type { LiveFigures } from './live-analysis';
import { markdown, median, plain, type LiveReport, type LoopResult } from './live-report';
import { mergeFigures, summarizeApp, type LoopSamples } from './live-summary';
import { summarizeSamples, type StageSummary } from './stats';

/** One model's live loop over all its rounds. */
export interface ModelLoopResult {
  modelId: string;
  label: string;
  figures: LiveFigures;
  loop: LoopResult;
  /** Embedding ms per embedded face of each embedded frame, from the engine's own timings (the probe). */
  embedMsPerFace: StageSummary | null;
  /** What the model picker showed as "ms per face here" at the end of each round (its median of the last frames). */
  pickerMsPerFace: number[];
  /** From clicking the model in the picker to the meter first showing a match, each round (null: no match). */
  pickToMatchMs: (number | null)[];
  /** Each entry of the face: from grabbing the first frame the engine found it in to the score drawn (grab-to-match.ts). */
  grabToMatchMs: number[];
  /** Answers/s of this model's loop over the bare human loop's frames/s, whole run. */
  ratio: number | null;
}

/** bench-results/live-models.json. */
export interface LiveModelsReport {
  date: string;
  command: string;
  machine: LiveReport['machine'];
  settings: LiveReport['settings'];
  models: ModelLoopResult[];
  bare: LoopResult;
  /** The bare loop's frames with a face (each embedded) per second, whole run. */
  bareEmbeddingsPerSecond: number;
  /** Ms per face of the bare loop (it embeds every face of every frame with faceres). */
  bareEmbedMsPerFace: StageSummary | null;
}

/** What a model's rounds left: the probe's samples, and what was read in the page each round. */
export interface ModelSamples {
  modelId: string;
  label: string;
  samples: LoopSamples<AppProbeFrame> | null;
  pickerMsPerFace: number[];
  pickToMatchMs: (number | null)[];
  grabToMatchMs: number[];
}

/** A model's rounds summed up, against the bare loop's frames/s. */
export function summarizeModel(model: ModelSamples, bareFps: number): ModelLoopResult {
  if (!model.samples) throw new Error(`${model.modelId} has no measured round.`);
  const loop = summarizeApp(model.samples);
  const figures = mergeFigures(model.samples.figures ?? []);
  const perFace = model.samples.frames.filter((frame) => frame.isEmbedded && frame.embeddedFaces > 0).map((frame) => frame.embed / frame.embeddedFaces);
  return {
    modelId: model.modelId, label: model.label, figures, loop,
    embedMsPerFace: summarizeSamples(perFace),
    pickerMsPerFace: model.pickerMsPerFace,
    pickToMatchMs: model.pickToMatchMs,
    grabToMatchMs: model.grabToMatchMs,
    ratio: bareFps > 0 ? Math.round((figures.answersPerSecond / bareFps) * 100) / 100 : null,
  };
}

const HEADER = ['Loop', 'Answers/s', 'Embeddings/s', 'Embed ms per face (mean / p95, n)', 'Picker "ms per face"', 'Detect+mesh ms', 'Time to match ms, shown frame (median / max, n)', 'Grab to score ms (median / max, n)', 'Pick to first match ms', 'Ratio to bare'];

const ms = (value: number) => value.toFixed(0);

function rows(report: LiveModelsReport): string[][] {
  const models = report.models.map((model) => {
    const spread = (values: number[]) => (values.length === 0 ? '–' : `${ms(median(values)!)} / ${ms(Math.max(...values))}, ${values.length}`);
    const picks = model.pickToMatchMs.filter((value): value is number => value !== null);
    const missed = model.pickToMatchMs.length - picks.length;
    return [
      `${model.label} (${model.modelId})`,
      model.figures.answersPerSecond.toFixed(1),
      model.figures.embeddingsPerSecond.toFixed(2),
      model.embedMsPerFace ? `${ms(model.embedMsPerFace.mean)} / ${ms(model.embedMsPerFace.p95)}, ${model.embedMsPerFace.n}` : '–',
      model.pickerMsPerFace.length ? model.pickerMsPerFace.map(ms).join(', ') : '–',
      model.loop.stages.detect ? `${ms(model.loop.stages.detect.mean)} / ${ms(model.loop.stages.detect.p95)}` : '–',
      spread(model.figures.timeToMatchMs),
      spread(model.grabToMatchMs),
      `${picks.map(ms).join(', ') || '–'}${missed ? ` (${missed} without a match)` : ''}`,
      model.ratio === null ? '–' : `${model.ratio.toFixed(2)}x`,
    ];
  });
  const bare = report.bare;
  const bareEmbed = report.bareEmbedMsPerFace;
  return [...models, [
    'Bare human, faceres, every frame fresh',
    bare.fps.toFixed(1),
    report.bareEmbeddingsPerSecond.toFixed(2),
    bareEmbed ? `${ms(bareEmbed.mean)} / ${ms(bareEmbed.p95)}, ${bareEmbed.n}` : '–',
    '–',
    bare.stages.detect ? `${ms(bare.stages.detect.mean)} / ${ms(bare.stages.detect.p95)}` : '–',
    '–', '–', '–', '1x',
  ]];
}

/** The plain table for the console, with the load. */
export function formatLiveModelsTable(report: LiveModelsReport): string {
  const { machine } = report;
  return `${plain(HEADER, rows(report))}\n(${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.gpu}, ${machine.browser}; ` +
    `load average 1 min before / after: ${machine.loadAverage1m.join(' / ')})`;
}

/** The "Live loop per model" section of BENCHMARKS.md. */
export function formatLiveModelsMarkdown(report: LiveModelsReport): string {
  const { machine, settings } = report;
  const isLoaded = Math.max(...machine.loadAverage1m) > machine.cpus;
  return [
    `Measured ${report.date.slice(0, 10)} with \`${report.command}\` (results: bench-results/live-models.json).`,
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.gpu}; ${machine.browser}, headless; Node ${machine.node}.`,
    `Load average (1 min) before / after: ${machine.loadAverage1m.join(' / ')}${isLoaded
      ? ' (other work shared the cores: a loaded machine, so every figure is a lower bound; compare the models with each other, rerun on a quiet machine for absolute numbers)' : ''}.`,
    `Backend: ${settings.backend}. Camera: ${settings.camera}, one face (Person A, enrolled once with each model).`,
    `Each model's loop and the bare loop run ${settings.seconds} s in ${settings.rounds} rounds, in alternating order (models then bare, then the reverse), each model picked in the model picker on Live as a user picks it, then ${settings.warmupMs / 1000} s of warm-up.`,
    '',
    ...markdown(HEADER, rows(report)),
    '',
    'Answers/s and embeddings/s count the app\'s answers while the face is in the picture (the app embeds the followed face',
    'every 400 ms, the bare loop every frame). "Embed ms per face" is the engine\'s own embedding time per embedded face over',
    'every embedded frame (the probe reads it from the worker\'s answers: the model run on human\'s face crop for faceres and',
    'faceres-deep, src/vision/models/describe-face.ts; the crop\'s round trip to the face-api worker for dlib; the warp and',
    'the model for MobileFace); "Picker ms per face" is what the',
    'model picker showed at the end of each round (src/app/embed-times.ts: the median of the last 30 embedded frames).',
    '"Time to match, shown frame" runs from the first frame the page presented with the face (read from the frame\'s marker, as in',
    'the Live loop section) to the meter showing a score; under load the page presents camera frames late, so a fast model\'s score',
    'can come with the face and this figure drops towards 0. "Grab to score" does not depend on the display: from grabbing the',
    'first frame in which the engine found the entering face to the meter showing a score (scripts/bench/grab-to-match.ts).',
    '"Pick to first match" from the click on the model to the meter first showing Person A matched (the model\'s engine loads',
    'in between, from the browser\'s cache). The ratio is the model\'s answers/s over the bare loop\'s, whole run.',
  ].join('\n');
}
