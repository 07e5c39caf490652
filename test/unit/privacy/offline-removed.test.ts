import { describe, expect, it } from 'vitest';
import { OfflineController, OfflineStatusChangeEvent } from '../../../src/privacy/offline';

describe('OfflineController after "Forget everything"', () => {
  it('stops saying FaceGap works offline once its copy was deleted, and tells the app', () => {
    const controller = new OfflineController({ isEnabled: true, container: {} as ServiceWorkerContainer });
    const heard: string[] = [];
    controller.addEventListener(OfflineStatusChangeEvent.eventName, (event) => heard.push((event as OfflineStatusChangeEvent).status.state));
    controller.markRemoved();
    expect(controller.status.state).toBe('removed');
    expect(controller.status.isOfflineReady).toBe(false);
    expect(controller.status.message).toMatch(/deleted.*reloading the page saves it/);
    expect(heard).toEqual(['removed']);
  });

  it('keeps "unsupported" and "disabled": there was no copy to delete', () => {
    for (const options of [{ isEnabled: true, container: null }, { isEnabled: false }]) {
      const controller = new OfflineController(options);
      const before = controller.status;
      controller.markRemoved();
      expect(controller.status).toEqual(before);
    }
  });
});
