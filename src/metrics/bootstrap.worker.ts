/**
 * Module worker around the subject bootstrap (src/metrics/bootstrap.ts), so 1,000 replicates over
 * millions of pairs never block the page. Protocol: src/metrics/bootstrap-client.ts. One job per
 * worker; the client terminates it to cancel.
 */
import type { BootstrapResponse, BootstrapStartMessage } from './bootstrap-client';
import { runBootstrapJob } from './bootstrap-client';
import { buildResamplingDesign } from './bootstrap-units';
import { DEFAULT_BOOTSTRAP_REPLICATES } from './bootstrap';
import { DEFAULT_IMPOSTOR_GROUPING } from './types';
import { createMulberry32 } from './random';
import { describeError } from '../shared/errors';

/** Progress messages are sent at most this often. */
const PROGRESS_INTERVAL_MS = 100;
/** The clock is read once per this many random draws, so counting costs nothing measurable. */
const DRAWS_PER_CLOCK_READ = 4096;

function post(message: BootstrapResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<BootstrapStartMessage>) => {
  if (event.data.type !== 'start') return;
  const { job } = event.data;
  try {
    // Every replicate draws one number per resampled unit, so draws measure progress exactly.
    const design = buildResamplingDesign(job.table, job.thresholds, job.impostorGrouping ?? DEFAULT_IMPOSTOR_GROUPING);
    const strata = design.strataStart;
    const drawsPerReplicate = strata.length > 1 ? strata[strata.length - 1] - strata[0] : 0;
    const totalDraws = Math.max(1, drawsPerReplicate * (job.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES));
    const seeded = createMulberry32(job.seed);
    let draws = 0;
    let lastPost = Date.now();
    const counted = (): number => {
      if (++draws % DRAWS_PER_CLOCK_READ === 0 && Date.now() - lastPost >= PROGRESS_INTERVAL_MS) {
        lastPost = Date.now();
        post({ type: 'progress', share: Math.min(1, draws / totalDraws) });
      }
      return seeded();
    };
    post({ type: 'result', result: runBootstrapJob(job, counted) });
  } catch (error) {
    post({ type: 'error', message: describeError(error) });
  }
});
