/**
 * The page side of the headless pack builder (tools/pack-builder.html, driven by
 * scripts/build-pack.ts): the same runImport as the app's import panel, fed with files fetched
 * from a private route of the dev server. The pack's JSON goes back to node in chunks.
 */
import { encodePack } from '../datasets/pack';
import type { LabelledItem } from '../datasets/labels/types';
import { MODEL_BASE_PATH, WASM_PATH, startVision } from '../vision/client';
import type { BackendRequest } from '../vision/types';
import { assemblePack, describePreprocessing, type PackDescription } from './assemble';
import { createMemoryLedger } from './ledger';
import { readModelIdentity } from './model';
import { DEFAULT_MODEL_ID, getModel, type ModelId } from '../models/registry';
import { runImport } from './pipeline';
import type { PreprocessSettings } from './preprocess';
import type { ImportProgress } from './types';

/** Characters per chunk of pack JSON handed back to node. */
export const PACK_CHUNK_CHARS = 1 << 20;

/** What node asks the builder page to do. */
export interface PackBuildRequest {
  items: LabelledItem[];
  /** Same-origin URL prefix under which each item's `file` path can be fetched. */
  route: string;
  preprocessing: PreprocessSettings;
  subjects: 'as-labelled' | 'one-per-photo';
  description: PackDescription;
  backend: BackendRequest;
  /** The recognition model; faceres when absent. */
  modelId?: ModelId;
}

/** What the builder page answers, besides the chunks. */
export interface PackBuildResponse {
  status: 'finished' | 'cancelled' | 'stopped';
  message?: string;
  chunkCount: number;
  engine: { backend: string; thread: string; wasmMultithread: boolean; wasmSimd: boolean; humanVersion: string };
  elapsedMs: number;
}

/** Functions node exposes to the page (puppeteer's exposeFunction). */
export interface PackBuilderHost {
  facegapProgress(progress: ImportProgress): Promise<void>;
  facegapPackChunk(index: number, text: string): Promise<void>;
}

/** Installs `window.facegapBuildPack` and marks the page ready. */
export function installPackBuilder(scope: Window & Partial<PackBuilderHost> & Record<string, unknown>): void {
  scope.facegapBuildPack = async (request: PackBuildRequest): Promise<PackBuildResponse> => {
    const started = performance.now();
    const recognition = getModel(request.modelId ?? DEFAULT_MODEL_ID);
    const { client, info } = await startVision({ backend: request.backend, modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH, modelId: recognition.id });
    try {
      const model = await readModelIdentity(MODEL_BASE_PATH, info.humanVersion, { model: recognition });
      const items = request.items.map((labelled) => ({ labelled, read: () => fetchBlob(request.route, labelled.file) }));
      const result = await runImport(items, {
        client,
        ledger: createMemoryLedger(),
        preprocessing: request.preprocessing,
        subjects: request.subjects,
        onProgress: (progress) => void scope.facegapProgress?.(progress),
      });
      const pack = assemblePack(result.records, request.description, model, describePreprocessing(request.preprocessing), recognition.scoreId);
      const text = encodePack(pack);
      let chunkCount = 0;
      for (let offset = 0; offset < text.length; offset += PACK_CHUNK_CHARS) {
        await scope.facegapPackChunk!(chunkCount++, text.slice(offset, offset + PACK_CHUNK_CHARS));
      }
      return {
        status: result.status,
        ...(result.status === 'finished' ? {} : { message: result.message }),
        chunkCount,
        engine: { backend: info.backend, thread: info.thread, wasmMultithread: info.wasmMultithread, wasmSimd: info.wasmSimd, humanVersion: info.humanVersion },
        elapsedMs: Math.round(performance.now() - started),
      };
    } finally {
      client.dispose();
    }
  };
  scope.facegapPackBuilderReady = true;
}

async function fetchBlob(route: string, file: string): Promise<Blob> {
  const url = route + file.split('/').map(encodeURIComponent).join('/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
}
