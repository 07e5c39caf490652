import { describe, expect, it } from 'vitest';
import { bareUrl, chooseWasmThreads, isLargeFile, isNeededOffline, ON_DEMAND_MIN_BYTES, readWasmBinary, splitBuildFiles, usedFileKey } from '../../../src/sw/files';

describe('which build files the service worker copies at install', () => {
  it.each([
    { url: 'index.html', size: 200_000, isLarge: false },
    { url: 'packs/index.json', size: 2_000, isLarge: false },
    { url: 'models/faceres.bin', size: 6_900_000, isLarge: true },
    { url: 'assets/index-abc.js', size: ON_DEMAND_MIN_BYTES, isLarge: false },
    { url: 'assets/index-abc.js', size: ON_DEMAND_MIN_BYTES + 1, isLarge: true },
  ])('$url of $size bytes is large: $isLarge', ({ url, size, isLarge }) => {
    expect(isLargeFile({ url, size })).toBe(isLarge);
  });

  it('copies entries without an integrity hash at install, and keeps the others once used', () => {
    const { atInstall, onDemand } = splitBuildFiles([
      'assets/a.css',
      { url: 'index.html', revision: '1' },
      { url: 'models/faceres.bin', revision: '2', integrity: 'sha256-x' },
    ]);
    expect(atInstall.map((file) => file.url)).toEqual(['assets/a.css', 'index.html']);
    expect(onDemand.map((file) => file.url)).toEqual(['models/faceres.bin']);
  });

  it('keys each revision apart, and names a file without its query', () => {
    const base = 'https://example.org/facegap/';
    expect(usedFileKey({ url: 'models/faceres.bin', revision: 'r1' }, base)).toBe('https://example.org/facegap/models/faceres.bin?__revision=r1');
    expect(usedFileKey({ url: 'assets/w-abc.js', revision: null, integrity: 'sha256-x' }, base)).not.toBe(usedFileKey({ url: 'assets/w-abc.js', revision: null, integrity: 'sha256-y' }, base));
    expect(bareUrl('https://example.org/facegap/models/wasm/a.wasm?backend=wasm#x')).toBe('https://example.org/facegap/models/wasm/a.wasm');
  });

  it('fetches at install only what the build marked as the page\'s entry, whatever its name', () => {
    expect(isNeededOffline({ url: 'assets/main-a8iYP0sH.js', revision: null, integrity: 'sha256-x', isNeededOffline: true }), 'the bench build\'s entry').toBe(true);
    expect(isNeededOffline({ url: 'assets/index-D5QMGC4D.js', revision: null, integrity: 'sha256-x' }), 'named like an entry, not marked').toBe(false);
    expect(isNeededOffline({ url: 'models/wasm/tfjs-backend-wasm-threaded-simd.wasm', revision: '1' }), 'the engine names its wasm itself').toBe(false);
    expect(isNeededOffline({ url: 'models/faceres.bin', revision: '1' })).toBe(false);
  });

  it.each([
    { info: { backend: 'wasm', wasmSimd: true, wasmMultithread: true }, binary: 'tfjs-backend-wasm-threaded-simd.wasm' },
    { info: { backend: 'wasm', wasmSimd: true, wasmMultithread: false }, binary: 'tfjs-backend-wasm-simd.wasm' },
    { info: { backend: 'wasm', wasmSimd: false, wasmMultithread: false }, binary: 'tfjs-backend-wasm.wasm' },
    { info: { backend: 'webgl', wasmSimd: false, wasmMultithread: false }, binary: null },
  ])('names the wasm binary an engine ran: $binary', ({ info, binary }) => {
    expect(readWasmBinary(info)).toBe(binary);
  });

  it.each([
    { page: { isIsolated: false, isControlled: true, isThreadedKept: false }, choice: 'allowed', why: 'not isolated: tfjs runs single-threaded anyway' },
    { page: { isIsolated: true, isControlled: false, isThreadedKept: false }, choice: 'allowed', why: 'a first visit on an isolating host downloads the threaded binary once' },
    { page: { isIsolated: true, isControlled: true, isThreadedKept: true }, choice: 'allowed', why: 'kept on this device' },
    { page: { isIsolated: true, isControlled: true, isThreadedKept: false }, choice: 'probe', why: 'isolated by the service worker after a visit that ran the SIMD binary' },
  ])('runs the threaded wasm binary: $choice ($why)', ({ page, choice }) => {
    expect(chooseWasmThreads(page)).toBe(choice);
  });
});
