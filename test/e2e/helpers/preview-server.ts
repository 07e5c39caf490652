import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The repository root: the e2e tests and benches run `vite preview` from here. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const VITE_BIN = resolve(REPO_ROOT, 'node_modules/vite/bin/vite.js');
/** How long a cold `vite preview` may take to answer its first request. */
const PREVIEW_START_TIMEOUT_MS = 60_000;

/** A running `vite preview`. */
export interface PreviewServer {
  /** Its origin and root, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Stops the server; resolves once its process has exited. */
  close(): Promise<void>;
}

/** Options for `startPreviewServer`. */
export interface PreviewOptions {
  /** A vite config other than the repository's own (the bench has one that adds its pages). */
  configFile?: string;
}

/** Asks the OS for a TCP port nobody listens on. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('The OS gave no TCP port.');
  return address.port;
}

/**
 * Serves the production build (dist/, or the config's outDir) with `vite preview` on a free port,
 * so the page gets the same COOP/COEP and CSP headers as in production. Resolves once the server
 * answers; rejects with its output when it exits or stays silent.
 */
export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const port = await findFreePort();
  const args = [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  if (options.configFile) args.push('--config', options.configFile);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}/`;

  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + PREVIEW_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      // Any answer means it listens; whether `/` exists is the tests' business.
      if (response.status > 0) return { url, close };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await close();
  throw new Error(`vite preview did not answer on ${url} within ${PREVIEW_START_TIMEOUT_MS / 1000} s:\n${output}`);
}
