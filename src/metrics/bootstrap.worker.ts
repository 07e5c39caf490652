/**
 * Module worker around the subject bootstrap (src/metrics/bootstrap.ts), so 1,000 replicates over
 * millions of pairs never block the page. Protocol: src/metrics/bootstrap-client.ts. One job per
 * worker; the client terminates it to cancel.
 */
// First: refuses off-origin requests before any other module of this worker runs (no CSP on a header-less host).
import '../privacy/install-origin-guard';
import type { BootstrapResponse, BootstrapStartMessage } from './bootstrap-client';
import { runBootstrapJob } from './bootstrap-client';
import { DEFAULT_BOOTSTRAP_REPLICATES } from './bootstrap';
import type { PairTable } from './types';
import { createMulberry32 } from './random';
import { describeError } from '../shared/errors';

/** Progress messages are sent at most this often. */
const PROGRESS_INTERVAL_MS = 100;
/** The clock is read once per this many random draws, so counting costs nothing measurable. */
const DRAWS_PER_CLOCK_READ = 4096;
/** Progress is an estimate (people, not the design's exact units): it never claims to be done before the result. */
const PROGRESS_CEILING = 0.99;

function post(message: BootstrapResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<BootstrapStartMessage>) => {
  if (event.data.type !== 'start') return;
  const { job } = event.data;
  try {
    // Every replicate draws one number per resampled unit (a person, in the views), so draws over
    // replicates x people measure progress; counting people costs O(faces), where building the
    // resampling design to know the units exactly would add a fifth to the run.
    const totalDraws = Math.max(1, countPeople(job.table) * (job.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES));
    const seeded = createMulberry32(job.seed);
    let draws = 0;
    let lastPost = Date.now();
    const counted = (): number => {
      if (++draws % DRAWS_PER_CLOCK_READ === 0 && Date.now() - lastPost >= PROGRESS_INTERVAL_MS) {
        lastPost = Date.now();
        post({ type: 'progress', share: Math.min(PROGRESS_CEILING, draws / totalDraws) });
      }
      return seeded();
    };
    post({ type: 'result', result: runBootstrapJob(job, counted) });
  } catch (error) {
    post({ type: 'error', message: describeError(error) });
  }
});

/** People in the table: distinct subject ids, plus each face without one (the bootstrap's units, near enough). */
function countPeople(table: PairTable): number {
  const subjects = new Set<number>();
  let unnamed = 0;
  for (const subject of table.sampleSubject) {
    if (subject >= 0) subjects.add(subject);
    else unnamed++;
  }
  return subjects.size + unnamed;
}
