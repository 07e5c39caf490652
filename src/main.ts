/**
 * FaceGap's entry point. The network audit starts first: CSP violations are not buffered, so one
 * reported before it listens would be missed. Then the service worker, then the app element.
 */
import { audit, offline } from './app/page-services';
import './app/fg-app';

const app = document.querySelector('fg-app');
if (app) {
  app.audit = audit;
  app.offline = offline;
}
