import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DETECT_TIMEOUT_MS, MAX_RESTARTS, OTHER_MODELS_DETECT_TIMEOUT_MS, SupervisedVisionClient } from '../../../src/vision/supervised-client';
import type { DetectOptions, EngineInfo, Observation, VisionClient } from '../../../src/vision/types';
import { VisionError } from '../../../src/vision/types';

const LOAD = { backend: 'wasm', modelBasePath: '/models/', wasmPath: '/models/wasm/' } as const;
const OBSERVATION: Observation = { width: 1, height: 1, faces: [], timings: { detect: 1, embed: 0, total: 1 } };

/** A fake worker client: `behaviour` decides each detection. */
class FakeWorker implements VisionClient {
  isDisposed = false;
  constructor(private readonly behaviour: (options: DetectOptions) => Promise<Observation>) {}
  load = vi.fn(async () => ({ backend: 'wasm' }) as EngineInfo);
  detect(_frame: ImageBitmap, options: DetectOptions): Promise<Observation> {
    return this.behaviour(options);
  }
  dispose() {
    this.isDisposed = true;
  }
}

function bitmap(): ImageBitmap {
  return { close: vi.fn() } as unknown as ImageBitmap;
}

function hangUntilAborted(options: DetectOptions): Promise<Observation> {
  return new Promise((_resolve, reject) => {
    const cancel = () => reject(new DOMException('Cancelled.', 'AbortError'));
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel);
  });
}

describe('SupervisedVisionClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function supervise(behaviours: ((options: DetectOptions) => Promise<Observation>)[]) {
    const workers: FakeWorker[] = [];
    const onRestarted = vi.fn();
    const client = new SupervisedVisionClient({
      create: () => {
        const worker = new FakeWorker(behaviours[Math.min(workers.length, behaviours.length - 1)]);
        workers.push(worker);
        return worker;
      },
      onRestarted,
      now: () => Date.now(),
    });
    return { client, workers, onRestarted };
  }

  const ok = async () => OBSERVATION;
  const crash = async (): Promise<Observation> => { throw new VisionError('worker-failed', 'The vision worker stopped (out of memory).'); };

  it('replaces a crashed worker, says so, and answers again', async () => {
    const { client, workers, onRestarted } = supervise([crash, ok]);
    await client.load(LOAD);
    const failure = await client.detect(bitmap(), { embed: true }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'worker-restarted' });
    expect((failure as Error).message).toMatch(/out of memory.*enrolled people are untouched/);
    expect(onRestarted).toHaveBeenCalledTimes(1);
    expect(workers[0].isDisposed).toBe(true);
    expect(workers[1].load).toHaveBeenCalledWith(LOAD);
    await expect(client.detect(bitmap(), { embed: true })).resolves.toBe(OBSERVATION);
  });

  it('treats a worker that gives no answer as dead', async () => {
    const { client, workers } = supervise([hangUntilAborted, ok]);
    await client.load(LOAD);
    const answer = client.detect(bitmap(), { embed: false }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(DETECT_TIMEOUT_MS + 1);
    expect(await answer).toMatchObject({ kind: 'worker-restarted' });
    expect(workers).toHaveLength(2);
  });

  it('waits longer for a frame also embedded with other models, which may load them first', async () => {
    const { client, workers } = supervise([hangUntilAborted, ok]);
    await client.load(LOAD);
    const answer = client.detect(bitmap(), { embed: true, alsoEmbedWith: ['dlib'] }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(DETECT_TIMEOUT_MS + 1);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(OTHER_MODELS_DETECT_TIMEOUT_MS - DETECT_TIMEOUT_MS);
    expect(await answer).toMatchObject({ kind: 'worker-restarted' });
    expect(workers).toHaveLength(2);
  });

  it('gives up after MAX_RESTARTS crashes within a minute', async () => {
    const { client, workers } = supervise([crash]);
    await client.load(LOAD);
    for (let i = 0; i < MAX_RESTARTS; i++) {
      await expect(client.detect(bitmap(), { embed: true })).rejects.toMatchObject({ kind: 'worker-restarted' });
    }
    await expect(client.detect(bitmap(), { embed: true })).rejects.toMatchObject({ kind: 'worker-failed' });
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
  });

  it('passes a caller abort through without restarting', async () => {
    const { client, workers } = supervise([hangUntilAborted]);
    await client.load(LOAD);
    const controller = new AbortController();
    const answer = client.detect(bitmap(), { embed: true, signal: controller.signal }).catch((error: unknown) => error);
    controller.abort();
    expect(await answer).toMatchObject({ name: 'AbortError' });
    expect(workers).toHaveLength(1);
  });

  it('answers when the running worker\'s recognition model is loaded, and with the load\'s answer for a client that has no such step', async () => {
    const { client, workers } = supervise([ok]);
    await client.load(LOAD);
    expect(await client.whenRecogniserReady()).toEqual({ backend: 'wasm' });
    const ready = { backend: 'wasm', isRecogniserLoading: false } as EngineInfo;
    Object.assign(workers[0], { whenRecogniserReady: vi.fn(async () => ready) });
    expect(await client.whenRecogniserReady()).toBe(ready);
  });
});
