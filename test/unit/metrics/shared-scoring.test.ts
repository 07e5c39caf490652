import { describe, expect, it } from 'vitest';
import { SharedScoring, type SharedJobStart } from '../../../src/metrics/all-pairs-client';
import { isAbortError } from '../../../src/shared/errors';

/** A job the test finishes by hand, recording how often it started and whether it was cancelled. */
function manualJob() {
  const record = { starts: 0, signal: null as AbortSignal | null, progress: (_d: number, _t: number) => {}, finish: (_v: string) => {}, fail: (_e: Error) => {} };
  const start: SharedJobStart<string> = (signal, onProgress) => {
    record.starts++;
    record.signal = signal;
    record.progress = onProgress;
    return new Promise<string>((resolve, reject) => {
      record.finish = resolve;
      record.fail = reject;
      signal.addEventListener('abort', () => reject(signal.reason));
    });
  };
  return { record, start };
}

const tick = () => new Promise((done) => setTimeout(done, 0));
const settleOf = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

describe('SharedScoring: score once per key, cancel per caller', () => {
  it('runs the work once for two callers and sends progress to both, a late caller hearing the latest at once', async () => {
    const shared = new SharedScoring<object, string>();
    const key = {};
    const { record, start } = manualJob();
    const heardA: number[] = [];
    const heardB: number[] = [];
    const a = shared.run(key, start, { onProgress: (done) => heardA.push(done) });
    await tick();
    record.progress(10, 100);
    const b = shared.run(key, start, { onProgress: (done) => heardB.push(done) });
    record.progress(50, 100);
    record.finish('scores');
    expect(await a).toBe('scores');
    expect(await b).toBe('scores');
    expect(record.starts).toBe(1);
    expect(heardA).toEqual([10, 50]);
    expect(heardB).toEqual([10, 50]);
    expect(await shared.run(key, start)).toBe('scores');
    expect(record.starts, 'a finished run is cached').toBe(1);
  });

  it('rejects only the caller that aborted; the others still get the result', async () => {
    const shared = new SharedScoring<object, string>();
    const key = {};
    const { record, start } = manualJob();
    const first = new AbortController();
    const heardByFirst: number[] = [];
    const a = settleOf(shared.run(key, start, { signal: first.signal, onProgress: (done) => heardByFirst.push(done) }));
    const b = shared.run(key, start);
    await tick();
    first.abort(new DOMException('Gone.', 'AbortError'));
    record.progress(5, 10);
    expect(record.signal!.aborted, 'the shared work goes on').toBe(false);
    record.finish('scores');
    const outcome = await a;
    expect('error' in outcome && isAbortError(outcome.error)).toBe(true);
    expect(heardByFirst, 'no progress after its abort').toEqual([]);
    expect(await b).toBe('scores');
  });

  it('stops the work when every waiting caller aborted, and starts afresh for the next', async () => {
    const shared = new SharedScoring<object, string>();
    const key = {};
    const { record, start } = manualJob();
    const one = new AbortController();
    const two = new AbortController();
    const a = settleOf(shared.run(key, start, { signal: one.signal }));
    const b = settleOf(shared.run(key, start, { signal: two.signal }));
    await tick();
    one.abort();
    expect(record.signal!.aborted).toBe(false);
    two.abort();
    expect(record.signal!.aborted).toBe(true);
    expect('error' in (await a)).toBe(true);
    expect('error' in (await b)).toBe(true);

    const again = shared.run(key, start);
    await tick();
    expect(record.starts).toBe(2);
    record.finish('fresh');
    expect(await again).toBe('fresh');
  });

  it('refuses an already aborted signal without starting anything', async () => {
    const shared = new SharedScoring<object, string>();
    const { record, start } = manualJob();
    const outcome = await settleOf(shared.run({}, start, { signal: AbortSignal.abort() }));
    expect('error' in outcome && isAbortError(outcome.error)).toBe(true);
    expect(record.starts).toBe(0);
  });

  it('forgets a failed run, so the next caller retries', async () => {
    const shared = new SharedScoring<object, string>();
    const key = {};
    const { record, start } = manualJob();
    const a = settleOf(shared.run(key, start));
    await tick();
    record.fail(new Error('out of memory'));
    expect(await a).toEqual({ error: new Error('out of memory') });
    const b = shared.run(key, start);
    await tick();
    record.finish('ok');
    expect(await b).toBe('ok');
    expect(record.starts).toBe(2);
  });

  it('turns a synchronous throw of the work into a rejection', async () => {
    const shared = new SharedScoring<object, string>();
    const outcome = await settleOf(shared.run({}, () => { throw new Error('no worker'); }));
    expect(outcome).toEqual({ error: new Error('no worker') });
  });
});
