import type { CDPSession, Page, Target } from 'puppeteer-core';

/** One request made by the page or any of its workers. */
export interface RecordedRequest {
  url: string;
  /** Who made it: `page`, or the worker's type and script URL. */
  target: string;
  /** How it was seen: the DevTools network log, or the target's own resource-timing buffer. */
  seenBy: 'network' | 'resource-timing';
}

/** One console message, log entry or uncaught exception from the page or a worker. */
export interface ConsoleRecord {
  target: string;
  level: string;
  text: string;
}

/** What `recordRequests` hands back; its lists keep growing until `stop()`. */
export interface ActivityRecorder {
  requests: RecordedRequest[];
  messages: ConsoleRecord[];
  /**
   * Adds every live target's `performance.getEntriesByType('resource')` to `requests`: a second
   * witness that also sees what a worker fetched before DevTools attached. Call it before the
   * page closes, while the workers still run.
   */
  collectResourceTimings(): Promise<void>;
  stop(): Promise<void>;
}

/** How long one target may take to hand over its resource timings. */
const RESOURCE_TIMINGS_TIMEOUT_MS = 3_000;
const RESOURCE_NAMES = "performance.getEntriesByType('resource').map((entry) => entry.name)";

/**
 * Records every request the page makes, and those of its workers (dedicated, nested such as
 * tfjs's wasm threads, and service workers), which puppeteer's `page.on('request')` misses.
 * Each worker is attached through DevTools before it runs its first line. Call before `goto`.
 */
export async function recordRequests(page: Page): Promise<ActivityRecorder> {
  const requests: RecordedRequest[] = [];
  const messages: ConsoleRecord[] = [];
  const live = new Map<CDPSession, string>();

  async function instrument(session: CDPSession, target: string, paused: boolean): Promise<void> {
    live.set(session, target);
    session.on('Network.requestWillBeSent', (event) => void requests.push({ url: event.request.url, target, seenBy: 'network' }));
    session.on('Runtime.consoleAPICalled', (event) => {
      const text = event.args.map((arg) => String(arg.value ?? arg.description ?? '')).join(' ');
      messages.push({ target, level: event.type, text });
    });
    session.on('Runtime.exceptionThrown', (event) => {
      const details = event.exceptionDetails;
      messages.push({ target, level: 'error', text: details.exception?.description ?? details.text });
    });
    session.on('Log.entryAdded', (event) => void messages.push({ target, level: event.entry.level, text: event.entry.text }));
    session.on('Target.attachedToTarget', (event) => {
      const child = session.connection()?.session(event.sessionId);
      if (!child) return;
      const info = event.targetInfo;
      void instrument(child, `${info.type} ${info.url}`, event.waitingForDebugger).catch(() => undefined);
    });
    session.on('CDPSession.Disconnected', () => void live.delete(session));
    await Promise.all([
      session.send('Network.enable'),
      session.send('Runtime.enable'),
      session.send('Log.enable'),
      session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
    ]);
    if (paused) await session.send('Runtime.runIfWaitingForDebugger');
  }

  const onTarget = (target: Target): void => {
    if (target.type() !== 'service_worker') return;
    void target.createCDPSession().then((session) => instrument(session, `service_worker ${target.url()}`, false)).catch(() => undefined);
  };
  const browser = page.browser();
  browser.on('targetcreated', onTarget);
  await instrument(await page.createCDPSession(), 'page', false);

  return {
    requests,
    messages,
    async collectResourceTimings() {
      await Promise.all([...live].map(async ([session, target]) => {
        try {
          // A worker that is shutting down may never answer; its requests were seen on the network.
          const { result } = await Promise.race([
            session.send('Runtime.evaluate', { expression: RESOURCE_NAMES, returnByValue: true }),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${target} did not answer`)), RESOURCE_TIMINGS_TIMEOUT_MS)),
          ]);
          for (const url of (result.value ?? []) as string[]) requests.push({ url, target, seenBy: 'resource-timing' });
        } catch {
          // The target went away (a worker was shut down); its requests were seen on the network.
        }
      }));
    },
    async stop() {
      browser.off('targetcreated', onTarget);
      await Promise.all([...live.keys()].map((session) => session.detach().catch(() => undefined)));
      live.clear();
    },
  };
}

/**
 * The requests that left `origin`. `data:` URLs never leave the page and `blob:` URLs carry the
 * origin that made them; DevTools' own `chrome://` and `devtools://` schemes are not requests.
 */
export function offOrigin(list: RecordedRequest[], origin: string): RecordedRequest[] {
  const expected = new URL(origin).origin;
  return list.filter(({ url }) => {
    if (url.startsWith('data:') || url.startsWith('chrome://') || url.startsWith('devtools://')) return false;
    try {
      return new URL(url).origin !== expected;
    } catch {
      return true;
    }
  });
}

/** Console messages that report a Content-Security-Policy violation. */
export function cspViolations(messages: ConsoleRecord[]): ConsoleRecord[] {
  return messages.filter(({ text }) => /Content Security Policy|Content-Security-Policy/i.test(text));
}

/** Console errors, uncaught exceptions included. */
export function consoleErrors(messages: ConsoleRecord[]): ConsoleRecord[] {
  return messages.filter(({ level }) => level === 'error' || level === 'assert');
}
