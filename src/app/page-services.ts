/**
 * Page-wide services started as the page's first module runs, before the app or any model loads.
 * Imported first by main.ts; module evaluation order guarantees it.
 */
import { NetworkAudit } from '../privacy/network-audit';
import { OfflineController } from '../privacy/offline';

/** Every request and CSP violation of the page, from the first moment. */
export const audit = new NetworkAudit().start();

/** The service worker that keeps the app, models and packs for offline use (production builds only). */
export const offline = new OfflineController();
void offline.start();
