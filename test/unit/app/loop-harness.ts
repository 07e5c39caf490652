import { vi } from 'vitest';
import { runLiveLoop, type LiveFrame, type LiveLoopOptions } from '../../../src/app/live-loop';

/**
 * Runs the live loop for `ms` of fake time (vi.useFakeTimers must be on) with a fake frame source
 * and `Date.now` as its clock, then aborts it and returns every frame it reported.
 */
export async function runLoopFor<M>(ms: number, options: Omit<LiveLoopOptions<M>, 'grabFrame' | 'onFrame' | 'onError' | 'signal' | 'now'>): Promise<LiveFrame<M>[]> {
  const controller = new AbortController();
  const frames: LiveFrame<M>[] = [];
  const done = runLiveLoop<M>({
    grabFrame: async () => ({ close: vi.fn(), width: 640, height: 480 }) as unknown as ImageBitmap,
    onFrame: (frame) => frames.push(frame),
    onError: (error) => { throw error; },
    signal: controller.signal,
    now: () => Date.now(),
    ...options,
  });
  await vi.advanceTimersByTimeAsync(ms);
  controller.abort();
  await vi.runAllTimersAsync();
  await done;
  return frames;
}
