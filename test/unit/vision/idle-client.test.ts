import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleShutdownVisionClient } from '../../../src/vision/idle-client';
import type { DetectOptions, EngineInfo, Observation, ThreadAudit, VisionClient } from '../../../src/vision/types';

const IDLE_MS = 1_000;
const OPTIONS = { backend: 'wasm' as const, modelBasePath: '/models/', wasmPath: '/models/wasm/' };

/** A fake worker client that records its life. */
class FakeClient implements VisionClient {
  static made: FakeClient[] = [];
  loads = 0;
  isDisposed = false;
  constructor(readonly id: number) {
    FakeClient.made.push(this);
  }
  async load(): Promise<EngineInfo> {
    this.loads++;
    return {} as EngineInfo;
  }
  async detect(frame: ImageBitmap, _options: DetectOptions): Promise<Observation> {
    frame.close();
    if (this.isDisposed) throw new Error('detect on a disposed worker');
    return { width: 1, height: 1, faces: [], timings: { detect: 1, embed: 0, total: 1 } };
  }
  async audit(): Promise<ThreadAudit> {
    return { requests: [{ url: `/models/from-worker-${this.id}.bin` } as ThreadAudit['requests'][number]], violations: [] };
  }
  dispose(): void {
    this.isDisposed = true;
  }
}

const frame = () => ({ close: vi.fn() }) as unknown as ImageBitmap;

describe('IdleShutdownVisionClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeClient.made = [];
  });
  afterEach(() => vi.useRealTimers());

  function start() {
    const first = new FakeClient(1);
    const client = new IdleShutdownVisionClient(first, OPTIONS, () => new FakeClient(FakeClient.made.length + 1), IDLE_MS);
    return { client, first };
  }

  it('keeps the worker while it is used, and shuts it down after the idle time', async () => {
    const { client, first } = start();
    await vi.advanceTimersByTimeAsync(IDLE_MS * 0.8);
    await client.detect(frame(), { embed: true });
    await vi.advanceTimersByTimeAsync(IDLE_MS * 0.8);
    expect(first.isDisposed, 'a call restarts the idle clock').toBe(false);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(first.isDisposed).toBe(true);
    expect(client.isRunning).toBe(false);
    expect(client.shutdowns).toBe(1);
  });

  it('starts a new worker on demand, loaded with the same options, then answers', async () => {
    const { client } = start();
    await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
    const observation = await client.detect(frame(), { embed: true });
    expect(observation.faces).toEqual([]);
    expect(FakeClient.made).toHaveLength(2);
    expect(FakeClient.made[1].loads).toBe(1);
    expect(client.isRunning).toBe(true);
  });

  it('starts one worker for several calls that arrive together', async () => {
    const { client } = start();
    await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
    await Promise.all([client.detect(frame(), { embed: false }), client.detect(frame(), { embed: false })]);
    expect(FakeClient.made).toHaveLength(2);
  });

  it('never shuts down during a call', async () => {
    const { client, first } = start();
    let release!: () => void;
    first.detect = async (f) => {
      f.close();
      await new Promise<void>((resolve) => (release = resolve));
      return { width: 1, height: 1, faces: [], timings: { detect: 1, embed: 0, total: 1 } };
    };
    const pending = client.detect(frame(), { embed: true });
    await vi.advanceTimersByTimeAsync(IDLE_MS * 3);
    expect(first.isDisposed).toBe(false);
    release();
    await pending;
    await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
    expect(first.isDisposed).toBe(true);
  });

  it('keeps the requests of every worker it ran for the privacy panel', async () => {
    const { client } = start();
    await vi.advanceTimersByTimeAsync(IDLE_MS * 2);
    await client.detect(frame(), { embed: true });
    const audit = await client.audit();
    expect(audit.requests.map((r) => r.url)).toEqual(['/models/from-worker-1.bin', '/models/from-worker-2.bin']);
  });

  it('refuses calls after dispose and closes the frame', async () => {
    const { client } = start();
    client.dispose();
    const bitmap = frame();
    await expect(client.detect(bitmap, { embed: true })).rejects.toThrow('closed');
    expect(bitmap.close).toHaveBeenCalled();
  });
});
