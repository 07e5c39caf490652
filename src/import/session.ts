/**
 * One import in the page, as a small service the import panel shows: chosen files -> detected
 * label format and preview -> runImport with an IndexedDB ledger -> a stored pack. The panel only
 * reads `state` and calls methods; the app hands in the vision client and the store, so a test can
 * hand in fakes.
 */
import {
  detectLabelFormat, parseCsv, parseDetectedLabels, isImagePath, normalisePath, suggestColumnMapping,
  type ColumnMapping, type LabelFormatDetection, type LabelledItem, type LabelProblem,
} from '../datasets/labels';
import type { PackModel } from '../datasets/pack-types';
import type { ImportJob, Store } from '../store/types';
import type { VisionClient } from '../vision/types';
import { describePreprocessing, type PackDescription } from './assemble';
import { getModelOrDefault, type ModelId, type RecognitionModel } from '../models/registry';
import { hashText } from './bundled';
import { createStoreLedger } from './ledger';
import { describeMeasuredCosts, normaliseOtherModels } from './other-models';
import { runImport } from './pipeline';
import { TIGHT_CROP_PREPROCESSING, UNPADDED_PREPROCESSING } from './preprocess';
import { saveImportPacks } from './save-packs';
import type { ImportProgress } from './types';
import { describeError } from '../shared/errors';
import { countLabelValues } from './label-counts';

/** A chosen file and its path relative to the chosen folder. */
export interface ChosenFile {
  path: string;
  file: Blob;
}

/** Rows shown in the preview table. */
export const PREVIEW_ROWS = 8;

/** What the preview step shows before anything is imported. */
export interface ImportPreview {
  detection: LabelFormatDetection;
  /** Photos that will be imported. */
  itemCount: number;
  /** The first PREVIEW_ROWS items. */
  rows: LabelledItem[];
  /** label -> value -> photos. */
  counts: Record<string, Record<string, number>>;
  problems: LabelProblem[];
  /** Header of the label CSV, for the column-mapping step (generic CSV only). */
  csvHeader: string[] | null;
  /** The mapping in use (generic CSV only). */
  mapping: ColumnMapping | null;
  /** Whether tight-crop padding is proposed (UTKFace-style crops). */
  isPadProposed: boolean;
  /** An unfinished import of exactly these files, which starting will continue. */
  resumeJob: ImportJob | null;
  /** The other models that unfinished import also embeds with: continuing it keeps them. */
  resumeOtherModels: ModelId[];
}

/** Where the session is. */
export type ImportPhase = 'idle' | 'preview' | 'running' | 'finished' | 'cancelled' | 'stopped';

/** Everything the panel shows. */
export interface ImportSessionState {
  phase: ImportPhase;
  /** The chosen folder's name, or "N files". */
  source: string;
  preview: ImportPreview | null;
  progress: ImportProgress | null;
  /** The outcome, in a sentence or two. */
  message: string | null;
  /** Photos that yielded no embedding, and why. */
  failures: { file: string; message: string }[];
  /** Id of the stored pack, once finished. */
  packId: string | null;
  /** Imports left unfinished (after a cancel or reload). */
  unfinished: ImportJob[];
  /** The active model: the import builds its pack, and may build the other models' too. */
  modelId: ModelId;
  /** The other models the running (or last) import embeds with. */
  otherModels: ModelId[];
  /** Median milliseconds per face each other model took in this session's imports. */
  measuredMsPerFace: Partial<Record<ModelId, number>>;
}

/** What starting an import takes. Blank texts fall back to `describeImportedPack`'s defaults. */
export interface StartOptions {
  /** The pack's title; the source's name when blank. */
  name?: string;
  /** Terms of the photos and the embeddings made from them. */
  license?: string;
  /** Credit line shown wherever numbers from the pack are shown. */
  attribution?: string;
  /** Pad photos (tight crops); the preview proposes a value. */
  pad: boolean;
  /** Other models to build packs for in the same pass (an import being continued keeps its own). */
  otherModels?: readonly ModelId[];
}

/** Licence an imported pack records when the user gives none. */
export const DEFAULT_IMPORT_LICENSE = 'Your own photos; not for redistribution.';

/** Attribution an imported pack records when the user gives none: where its photos came from. */
export function describeDefaultAttribution(source: string): string {
  return `Photos from ${source}, imported on this device.`;
}

/** The name, licence and attribution a pack imported from `source` records, defaults filling blanks. */
export function describeImportedPack(source: string, options: Pick<StartOptions, 'name' | 'license' | 'attribution'>): Pick<PackDescription, 'name' | 'license' | 'attribution'> {
  const pick = (value: string | undefined, fallback: string) => value?.trim() || fallback;
  return {
    name: pick(options.name, source),
    license: pick(options.license, DEFAULT_IMPORT_LICENSE),
    attribution: pick(options.attribution, describeDefaultAttribution(source)),
  };
}

/** Fired (as `change`) whenever `state` changes. */
export class ImportSessionChangeEvent extends Event {
  constructor() {
    super('change');
  }
}

/** What a session is handed by the app (fakes in tests). */
export interface ImportSessionDeps {
  client: VisionClient;
  store: Store;
  /** The active model's identity. */
  model: PackModel;
  /** Another model's identity, read from the model manifest; needed only when other models are chosen. */
  identify?: (model: RecognitionModel) => Promise<PackModel>;
}

/** See the file comment. */
export class ImportSession extends EventTarget {
  state: ImportSessionState;
  private files: ChosenFile[] = [];
  private csvTexts: string[] = [];
  private items: LabelledItem[] = [];
  private controller: AbortController | null = null;

  constructor(private readonly deps: ImportSessionDeps) {
    super();
    const modelId = getModelOrDefault(deps.model.id).id;
    this.state = { phase: 'idle', source: '', preview: null, progress: null, message: null, failures: [], packId: null, unfinished: [], modelId, otherModels: [], measuredMsPerFace: {} };
  }

  /** Lists unfinished imports, for the resume prompt. */
  async refreshUnfinished(): Promise<void> {
    const jobs = await this.deps.store.importJobs.list();
    this.update({ unfinished: jobs.filter((job) => job.status !== 'finished') });
  }

  /** Reads the chosen files' CSVs, detects the label format and prepares the preview. */
  async choose(source: string, files: readonly ChosenFile[]): Promise<void> {
    this.files = files.map((chosen) => ({ path: normalisePath(chosen.path), file: chosen.file }));
    const csvFiles = this.files.filter((chosen) => /\.csv$/i.test(chosen.path));
    this.csvTexts = await Promise.all(csvFiles.map((chosen) => chosen.file.text()));
    const paths = this.files.map((chosen) => chosen.path);
    const detected = detectLabelFormat(paths, this.csvTexts);
    // A CSV whose columns no guess recognises still holds labels: offer the mapping step for it.
    const detection: LabelFormatDetection = detected.format === 'unknown' && this.csvTexts.length > 0
      ? {
        format: 'generic-csv', csvIndex: 0,
        reason: `${csvFiles[0].path} has no column FaceGap recognises as the photo's name: choose which columns hold what.`,
        suggestedMapping: suggestColumnMapping(parseCsv(this.csvTexts[0]).header),
      }
      : detected;
    const csvHeader = detection.csvIndex === null ? null : parseCsv(this.csvTexts[detection.csvIndex]).header;
    const suggested = detection.suggestedMapping;
    const mapping = detection.format === 'generic-csv' && suggested ? { ...suggested, file: suggested.file ?? '' } : null;
    this.update({ phase: 'preview', source, preview: null, message: null, failures: [], packId: null, progress: null });
    await this.preparePreview(detection, csvHeader, mapping);
  }

  /** Applies a column mapping (generic CSV) and refreshes the preview. */
  async setMapping(mapping: ColumnMapping): Promise<void> {
    const preview = this.state.preview;
    if (!preview) return;
    await this.preparePreview(preview.detection, preview.csvHeader, mapping);
  }

  /** Runs (or continues) the import; resolves when it ends, however it ends. */
  async start(options: StartOptions): Promise<void> {
    const preview = this.state.preview;
    if (!preview || this.items.length === 0 || this.state.phase === 'running') return;
    const { store, client, model } = this.deps;
    const settings = options.pad ? TIGHT_CROP_PREPROCESSING : UNPADDED_PREPROCESSING;
    const about = describeImportedPack(this.state.source, options);
    const fingerprint = await this.fingerprint(options.pad);
    const isResumed = preview.resumeJob !== null && preview.resumeJob.details?.fingerprint === fingerprint;
    const otherModels = isResumed ? preview.resumeOtherModels : normaliseOtherModels(options.otherModels ?? [], this.state.modelId);
    const byPath = new Map(this.files.map((chosen) => [chosen.path, chosen.file]));
    this.controller = new AbortController();
    this.update({ phase: 'running', progress: { done: 0, total: this.items.length, failed: 0, remainingMs: null, file: '' }, message: null, otherModels });
    let job: ImportJob;
    try {
      job = isResumed && preview.resumeJob
        ? preview.resumeJob
        : await store.importJobs.create({ source: this.state.source, totalFiles: this.items.length, details: { fingerprint, name: about.name, model: this.deps.model.id, otherModels } });
    } catch (error) {
      this.update({ phase: 'stopped', message: describeError(error) });
      return;
    }
    const result = await runImport(
      this.items.map((labelled) => ({ labelled, read: async () => byPath.get(labelled.file) ?? Promise.reject(new Error('the file is no longer available')) })),
      {
        client, ledger: createStoreLedger(store.importJobs, job.id), preprocessing: settings,
        subjects: preview.detection.format === 'utkface' ? 'one-per-photo' : 'as-labelled',
        otherModels,
        signal: this.controller.signal,
        onProgress: (progress) => this.update({ progress, measuredMsPerFace: { ...this.state.measuredMsPerFace, ...progress.otherMsPerFace } }),
      },
    ).catch((error: unknown) => ({ status: 'stopped' as const, records: [], cause: error, message: `Face detection failed: ${describeError(error)} What was done so far is kept; reload the page and choose the same files to continue.` }));
    const failures = result.records.flatMap((record) => (record.status === 'failed' ? [{ file: record.file, message: record.message }] : []));
    if (result.status !== 'finished') {
      if (result.status === 'cancelled') await store.importJobs.setStatus(job.id, 'cancelled').catch(() => undefined);
      this.update({ phase: result.status, message: result.message, failures });
      await this.refreshUnfinished().catch(() => undefined);
      return;
    }
    const identify = this.deps.identify ?? (() => Promise.reject(new Error('this page cannot read the other models\' identities')));
    const saved = await saveImportPacks({
      store, jobId: job.id, records: result.records, active: model, others: otherModels, identify,
      about: { ...about, description: `Imported from ${this.state.source} (${preview.detection.reason})` },
      preprocessing: describePreprocessing(settings),
      note: describeMeasuredCosts(otherModels, this.state.progress?.otherMsPerFace ?? {}),
    });
    if (saved.status === 'stopped') {
      this.update({ phase: 'stopped', failures, message: saved.message });
      return;
    }
    this.update({ phase: 'finished', failures, packId: saved.packId, message: saved.message });
    await this.refreshUnfinished().catch(() => undefined);
  }

  /** Stops after the photo in progress; what is done is kept. */
  cancel(): void {
    this.controller?.abort();
  }

  /** Deletes an unfinished import and what it kept. */
  async discard(jobId: string): Promise<void> {
    await this.deps.store.importJobs.delete(jobId);
    await this.refreshUnfinished();
  }

  private async preparePreview(detection: LabelFormatDetection, csvHeader: string[] | null, mapping: ColumnMapping | null): Promise<void> {
    const paths = this.files.map((chosen) => chosen.path);
    const parsed = parseDetectedLabels(detection, paths, this.csvTexts, mapping && mapping.file ? { mapping } : {});
    this.items = parsed.items.filter((item) => isImagePath(item.file));
    const counts = countLabelValues(this.items);
    const isPadProposed = detection.format === 'utkface';
    const fingerprint = await this.fingerprint(isPadProposed);
    // Only an import made with the active model continues: two models' embeddings never share a pack.
    const resumeJob = this.state.unfinished.find((job) => job.details?.fingerprint === fingerprint && (job.details?.model ?? 'faceres') === this.deps.model.id) ?? null;
    const kept = resumeJob?.details?.otherModels;
    const resumeOtherModels = normaliseOtherModels(Array.isArray(kept) ? kept.filter((id): id is string => typeof id === 'string') : [], this.state.modelId);
    this.update({
      preview: { detection, itemCount: this.items.length, rows: this.items.slice(0, PREVIEW_ROWS), counts, problems: parsed.problems, csvHeader, mapping, isPadProposed, resumeJob, resumeOtherModels },
    });
  }

  /** Identifies "the same import": same source, files, labels and padding. */
  private fingerprint(pad: boolean): Promise<string> {
    return hashText(JSON.stringify([this.state.source, pad, this.items.map((item) => [item.file, item.subject, item.labels])]));
  }

  private update(patch: Partial<ImportSessionState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new ImportSessionChangeEvent());
  }
}
