import { describe, expect, it } from 'vitest';
import { buildCameraConstraints, CameraError, describeCameraFailure, isCameraGone, labelCameras, toCameraFailure } from '../../../src/app/camera';

const ok = { isSecureContext: true, hasMediaDevices: true };

describe('toCameraFailure', () => {
  it.each([
    ['NotAllowedError', 'permission-denied', /allow the camera/],
    ['SecurityError', 'permission-denied', /denied/],
    ['NotFoundError', 'no-camera', /The gap view/],
    ['OverconstrainedError', 'no-camera', /No camera/],
    ['NotReadableError', 'busy', /another app/],
    ['TypeError', 'unknown', /try again/],
  ] as const)('%s -> %s', (name, kind, wording) => {
    const failure = toCameraFailure(new DOMException('x', name), ok);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(wording);
    expect(failure.message).toMatch(/enrolled people and packs are untouched/);
  });

  it('says an insecure page cannot have the camera, before anything else', () => {
    expect(toCameraFailure(new DOMException('x', 'NotAllowedError'), { isSecureContext: false, hasMediaDevices: false }).kind).toBe('insecure-context');
  });

  it('reads a missing mediaDevices as no camera', () => {
    expect(toCameraFailure(new Error('no mediaDevices'), { isSecureContext: true, hasMediaDevices: false }).kind).toBe('no-camera');
  });

  it('passes a CameraError through', () => {
    const failure = describeCameraFailure('unplugged');
    expect(toCameraFailure(new CameraError(failure), ok)).toEqual(failure);
    expect(failure.message).toMatch(/unplugged/);
  });
});

describe('camera constraints and labels', () => {
  it('asks for 640x480, exactly the chosen device when there is one', () => {
    expect(buildCameraConstraints()).toEqual({ audio: false, video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { max: 30 }, facingMode: 'user' } });
    expect(buildCameraConstraints('abc').video).toMatchObject({ deviceId: { exact: 'abc' } });
  });

  it('keeps video inputs and names the unnamed', () => {
    const devices = [
      { deviceId: 'm', kind: 'audioinput' as const, label: 'Mic' },
      { deviceId: 'a', kind: 'videoinput' as const, label: '' },
      { deviceId: 'b', kind: 'videoinput' as const, label: 'USB cam' },
    ];
    expect(labelCameras(devices)).toEqual([{ deviceId: 'a', label: 'Camera 1' }, { deviceId: 'b', label: 'USB cam' }]);
  });

  it.each<[string, string, string[], boolean]>([
    ['still listed', 'usb', ['front', 'usb'], false],
    ['unplugged', 'usb', ['front'], true],
    ['the last camera unplugged', 'usb', [], true],
    ['an unknown running camera', '', ['front'], false],
  ])('tells a chosen camera is gone: %s', (_name, running, listed, expected) => {
    expect(isCameraGone(running, listed.map((deviceId) => ({ deviceId, label: deviceId })))).toBe(expected);
  });
});
