import { describe, expect, it } from 'vitest';
import { bareUrl, isLargeFile, isNeededOffline, ON_DEMAND_MIN_BYTES, splitBuildFiles, usedFileKey } from '../../../src/sw/files';

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

  it('fetches only the threaded SIMD wasm at install, the binary an isolated offline page runs', () => {
    expect(isNeededOffline({ url: 'models/wasm/tfjs-backend-wasm-threaded-simd.wasm', revision: '1' })).toBe(true);
    expect(isNeededOffline({ url: 'models/wasm/tfjs-backend-wasm-simd.wasm', revision: '1' })).toBe(false);
    expect(isNeededOffline({ url: 'models/faceres.bin', revision: '1' })).toBe(false);
    expect(isNeededOffline({ url: 'assets/index-D5QMGC4D.js', revision: null }), 'the page\'s entry script').toBe(true);
    expect(isNeededOffline({ url: 'assets/main-thread-client-DBlghDqa.js', revision: null })).toBe(false);
  });
});
