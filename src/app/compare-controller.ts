/**
 * The Compare models tab's data: the bundled pack set that is active, embedded by every offered
 * model (packs/index.json lists one file per set and model), each file checked against its
 * sha256, then compared as `metrics --compare` does (same functions, replicates and seed), so the
 * tab and the CLI print the same numbers. Pairs are scored in the all-pairs worker with each pack's
 * own score id and resampled in the bootstrap worker (`compareModelsInBackground`), so the page
 * stays responsive. Work starts when the tab is shown; a new request cancels the one under way.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bundledPackUrl, findBundledEntry, hashBytes, type BundledPackEntry } from '../import/bundled';
import type { PackController } from './pack-controller';
import { decodeComparePack, DEFAULT_COMPARE_REPLICATES, DEFAULT_COMPARE_SEED, type ComparePack, type ModelComparisonReport } from '../metrics/compare';
import { compareModelsInBackground } from '../metrics/compare-client';
import type { ImpostorGrouping } from '../metrics/types';
import { MODELS } from '../models/registry';
import { listImportSiblings } from '../import/other-models';
import { exportStoredPack } from '../import/stored-pack';
import type { StoredPack } from '../store/types';
import { describeError, isAbortError } from '../shared/errors';

/** NIST's usual operating point, and the CLI's default. */
export const DEFAULT_FMR_TARGET = 1e-3;

/** What the comparison is of. */
export interface CompareRequest {
  /** The active pack's id (bundled entry id or set name, or an imported pack's id). */
  packId: string | null;
  groupBy: readonly string[];
  impostorGrouping: ImpostorGrouping;
  fmrTarget: number;
}

/** Where the comparison stands. */
export type CompareStatus =
  | { status: 'idle' }
  | { status: 'computing'; what: string }
  | { status: 'ready'; report: ModelComparisonReport; set: string }
  | { status: 'unavailable'; message: string };

/** What the controller needs from the app. */
export interface CompareDeps {
  /** The packs: the bundled list (packs/index.json) and the active one, whose set is compared. */
  packs: () => PackController;
  /** The grouping to compare by; null while the tab is not shown (nothing is computed then). */
  request: () => Pick<CompareRequest, 'groupBy' | 'impostorGrouping'> | null;
  /** Reads an imported pack from the store, so one import's packs for several models can be compared. */
  readImported?: (id: string) => Promise<StoredPack | undefined>;
}

/** Loads and compares each model's pack of the active set; one run per distinct request. */
export class CompareController implements ReactiveController {
  state: CompareStatus = { status: 'idle' };
  /** The chosen shared FMR target. */
  fmrTarget = DEFAULT_FMR_TARGET;
  private key = '';
  private run = 0;
  private abort: AbortController | null = null;
  private readonly packs = new Map<string, Promise<ComparePack>>();

  constructor(private readonly host: ReactiveControllerHost, private readonly deps: CompareDeps) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The app left the page: the comparison under way stops and its workers are shut down. */
  hostDisconnected(): void {
    this.abort?.abort(new DOMException('The page closed the comparison.', 'AbortError'));
    this.abort = null;
    this.key = '';
  }

  /** The user chose another shared FMR target: the comparison is made again at each model's new threshold. */
  setFmrTarget(fmrTarget: number): void {
    this.fmrTarget = fmrTarget;
    this.host.requestUpdate();
  }

  /** Before each update of the app: starts a comparison when the tab is shown and its inputs changed. */
  hostUpdate(): void {
    const shown = this.deps.request();
    const packs = this.deps.packs();
    if (!shown || packs.bundled.length === 0) return;
    const request = { ...shown, packId: packs.state.status === 'idle' ? null : packs.state.id, fmrTarget: this.fmrTarget };
    const key = JSON.stringify(request);
    if (key === this.key) return;
    this.key = key;
    void this.compare(request);
  }

  private async compare(request: CompareRequest): Promise<void> {
    const run = ++this.run;
    this.abort?.abort(new DOMException('Another comparison was asked for.', 'AbortError'));
    const abort = new AbortController();
    this.abort = abort;
    const named = request.packId ? findBundledEntry(this.deps.packs().bundled, request.packId) : undefined;
    const siblings = !named && request.packId ? listImportSiblings(request.packId, this.deps.packs().imported.map((meta) => meta.id)) : [];
    if (!named && siblings.length > 1 && this.deps.readImported) {
      await this.compareImported(run, abort.signal, siblings, this.deps.readImported, request);
      return;
    }
    if (!named) {
      this.settle(run, { status: 'unavailable', message: 'Compare models needs the same photos embedded by every model, which the bundled packs have. ' +
        'The active pack was imported with one model only: choose a bundled pack on "The gap" tab to compare models, ' +
        'or import the photos again with other models ticked under "Also build packs for".' });
      return;
    }
    const entries = MODELS.map((model) => this.deps.packs().bundled.find((entry) => entry.pack === named.pack && entry.model === model.id));
    const missing = MODELS.filter((_, i) => !entries[i]).map((model) => model.label);
    if (missing.length > 0) {
      this.settle(run, { status: 'unavailable', message: `The bundled pack “${named.name}” has no embeddings of ${missing.join(', ')}, so the models cannot be compared on it. Choose another pack.` });
      return;
    }
    this.settle(run, { status: 'computing', what: `Comparing ${MODELS.length} models on “${named.name}”…` });
    try {
      const packs = await Promise.all((entries as BundledPackEntry[]).map((entry) => this.load(entry)));
      const options = { groupBy: request.groupBy, fmrTarget: request.fmrTarget, impostorGrouping: request.impostorGrouping,
        replicates: DEFAULT_COMPARE_REPLICATES, seed: DEFAULT_COMPARE_SEED };
      const report = await compareModelsInBackground(packs, options, {
        signal: abort.signal,
        onModel: (i, pack) => this.settle(run, { status: 'computing', what: `Comparing ${MODELS.length} models on “${named.name}”: ${modelLabel(pack.modelId)} (${i + 1} of ${packs.length})…` }),
      });
      this.settle(run, { status: 'ready', report, set: named.pack });
    } catch (error) {
      if (isAbortError(error) && abort.signal.aborted) return;
      this.settle(run, { status: 'unavailable', message: `The models could not be compared: ${describeError(error)} The other tabs are unchanged.` });
    }
  }

  /** Compares the packs one import built for several models (src/import/other-models.ts), the models it has. */
  private async compareImported(run: number, signal: AbortSignal, ids: readonly string[], read: (id: string) => Promise<StoredPack | undefined>, request: CompareRequest): Promise<void> {
    this.settle(run, { status: 'computing', what: `Comparing ${ids.length} models on your imported photos…` });
    try {
      const stored = await Promise.all(ids.map(async (id) => {
        const pack = await read(id);
        if (!pack) throw new Error(`the imported pack ${id} is no longer on this device.`);
        return decodeComparePack(new TextEncoder().encode(exportStoredPack(pack).text));
      }));
      const rank = (modelId: string) => MODELS.findIndex((model) => model.id === modelId);
      const packs = stored.sort((a, b) => rank(a.modelId) - rank(b.modelId));
      const options = { groupBy: request.groupBy, fmrTarget: request.fmrTarget, impostorGrouping: request.impostorGrouping,
        replicates: DEFAULT_COMPARE_REPLICATES, seed: DEFAULT_COMPARE_SEED };
      const report = await compareModelsInBackground(packs, options, { signal });
      this.settle(run, { status: 'ready', report, set: ids[0] });
    } catch (error) {
      if (isAbortError(error) && signal.aborted) return;
      this.settle(run, { status: 'unavailable', message: `The models could not be compared on your imported photos: ${describeError(error)} The other tabs are unchanged.` });
    }
  }

  private load(entry: BundledPackEntry): Promise<ComparePack> {
    let pack = this.packs.get(entry.id);
    if (!pack) {
      pack = readBundledComparePack(entry);
      this.packs.set(entry.id, pack);
      pack.catch(() => this.packs.delete(entry.id));
    }
    return pack;
  }

  private settle(run: number, state: CompareStatus): void {
    if (run !== this.run) return;
    this.state = state;
    this.host.requestUpdate();
  }
}

/** The model's label for people (its id if the registry does not know it). */
function modelLabel(modelId: string): string {
  return MODELS.find((model) => model.id === modelId)?.label ?? modelId;
}

/** A bundled pack file, checked against its index sha256, decoded for its own model and score. */
async function readBundledComparePack(entry: BundledPackEntry): Promise<ComparePack> {
  const response = await fetch(bundledPackUrl(entry));
  if (!response.ok) throw new Error(`the bundled pack “${entry.name}” (${entry.file}) could not be loaded (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if ((await hashBytes(bytes)) !== entry.sha256.toLowerCase()) {
    throw new Error(`the bundled pack file ${entry.file} is not the one its index lists (changed or cut off on the way), so it was not used.`);
  }
  return decodeComparePack(bytes);
}
