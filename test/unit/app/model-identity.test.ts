import { describe, expect, it } from 'vitest';
import { FACERES_DIM, readModelIdentity } from '../../../src/import/model';

const BASE = 'https://facegap.test/models/';
const SHA = 'AB'.repeat(32);

/** A fetcher serving one manifest body (or status), recording the URLs asked for. */
function serve(body: unknown, status = 200) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetcher, asked };
}

const manifest = (file: Record<string, unknown>) => ({ files: [{ path: 'blazeface.bin', sha256: 'c'.repeat(64) }, { path: 'faceres.bin', ...file }] });

describe('readModelIdentity', () => {
  it('reads faceres.bin from the manifest beside the models, lower-cased, with the running version', async () => {
    const { fetcher, asked } = serve(manifest({ sha256: SHA, source: '@vladmandic/human@3.3.6' }));
    expect(await readModelIdentity(BASE, '3.3.7', { fetcher })).toEqual({
      id: 'faceres', package: '@vladmandic/human@3.3.7', sha256: 'ab'.repeat(32), dim: FACERES_DIM,
    });
    expect(asked).toEqual([`${BASE}manifest.json`]);
  });

  it.each([
    ['no version given', undefined, '@vladmandic/human@3.3.6'],
    ['an empty version', '', '@vladmandic/human@3.3.6'],
  ])('takes the package from the manifest with %s', async (_, version, expected) => {
    const { fetcher } = serve(manifest({ sha256: SHA, source: '@vladmandic/human@3.3.6' }));
    expect((await readModelIdentity(BASE, version, { fetcher })).package).toBe(expected);
  });

  it.each([
    ['an HTTP error', serve('missing', 404), /models\/manifest\.json\) could not be read \(HTTP 404\)\./],
    ['text that is not JSON', serve('<html>'), /could not be read \(/],
    ['no faceres.bin', serve({ files: [{ path: 'blazeface.bin', sha256: SHA }] }), /does not give the sha256 of faceres\.bin\./],
    ['a sha256 that is not one', serve(manifest({ sha256: 'abc' })), /does not give the sha256 of faceres\.bin\./],
    ['no list of files', serve({}), /does not give the sha256 of faceres\.bin\./],
  ])('rejects with a readable sentence on %s', async (_, { fetcher }, message) => {
    await expect(readModelIdentity(BASE, '3.3.6', { fetcher })).rejects.toThrow(message);
  });

  it('rejects as fetch does when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetcher = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      init?.signal?.throwIfAborted();
      return new Response('{}');
    }) as typeof fetch;
    await expect(readModelIdentity(BASE, '3.3.6', { fetcher, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
