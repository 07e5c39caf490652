import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, cpSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/privacy/csp.ts';
import { SECURITY_HEADERS } from './src/privacy/headers.ts';
import { isLargeFile } from './src/sw/files.ts';

const MODELS_DIR = resolve(import.meta.dirname, 'models');
const PACKS_DIR = resolve(import.meta.dirname, 'packs');


const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/** Where `vite build` writes the app (`build.outDir`, resolved; the bench build has its own). */
let outDir = resolve(import.meta.dirname, 'dist');

/** Records the resolved `build.outDir` for `describeBuildFiles`. */
function recordOutDir(): Plugin {
  return { name: 'facegap-out-dir', configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)) };
}

/**
 * Serves a folder of the checkout under a URL prefix in dev and preview, and copies it into the
 * build; `ships(name)` says which of its files go into the build (default: all).
 */
function serveFolder(prefix: string, dir: string, ships: (file: string) => boolean = () => true): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (!url.startsWith(prefix)) return next();
    const file = normalize(join(dir, decodeURIComponent(url.slice(prefix.length))));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', statSync(file).size);
    createReadStream(file).pipe(res);
  };
  return {
    name: `facegap-serve${prefix.replaceAll('/', '-')}`,
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
    writeBundle(options) {
      if (existsSync(dir)) cpSync(dir, join(options.dir ?? 'dist', prefix), { recursive: true, filter: (source) => ships(source) });
    },
  };
}

/**
 * A v1 JSON pack is not shipped where its v2 file exists: the app loads v2 only, and the JSON
 * (the interchange format, docs/pack-format.md) stays in the repository for other tools.
 */
function isShippedPackFile(source: string): boolean {
  const v1 = /^(.+?)\.json$/.exec(source);
  if (!v1 || source.endsWith('index.json')) return true;
  // utkface-600.json is the faceres pack utkface-600.faceres.fgpack; utkface-600.dlib.json is .dlib.fgpack.
  const base = v1[1];
  return !existsSync(/\.(dlib|faceres-deep)$/.test(base) ? `${base}.fgpack` : `${base}.faceres.fgpack`);
}

/** The page's entry script and the chunks and CSS it imports (build-relative), recorded as the bundle is written. */
const pageEntryFiles = new Set<string>();

/**
 * Records which files open the app (index.html's entry chunk and its static imports) from the
 * bundle itself, so the service worker's manifest can mark them as needed offline by what they
 * are, not by how vite happens to name them (`index-*.js` in the app build, `main-*.js` in the bench's).
 */
function recordPageEntry(): Plugin {
  const html = resolve(import.meta.dirname, 'index.html');
  return {
    name: 'facegap-page-entry',
    generateBundle(_options, bundle) {
      pageEntryFiles.clear();
      const visit = (fileName: string): void => {
        const chunk = bundle[fileName];
        if (pageEntryFiles.has(fileName) || chunk?.type !== 'chunk') return;
        pageEntryFiles.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) pageEntryFiles.add(css);
        chunk.imports.forEach(visit);
      };
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId === html);
      if (entry) visit(entry.fileName);
    },
  };
}

/**
 * Gives the large files of the service worker's manifest a sha256 integrity hash: the worker keeps
 * those only once used (src/sw/files.ts), and never keeps a stale copy. The page's entry is marked
 * as needed offline (`isNeededOffline`).
 */
function describeBuildFiles(entries: { url: string; revision: string | null; size: number }[]) {
  if (pageEntryFiles.size === 0) throw new Error('vite.config.ts: index.html\'s entry chunk is not in the bundle, so the service worker could not keep the app for offline use.');
  const manifest = entries.map((entry) => {
    if (!isLargeFile(entry)) return entry;
    const digest = createHash('sha256').update(readFileSync(join(outDir, entry.url))).digest('base64');
    return { ...entry, integrity: `sha256-${digest}`, ...(pageEntryFiles.has(entry.url) ? { isNeededOffline: true } : {}) };
  });
  return { manifest, warnings: [] };
}

/** Puts the same CSP into index.html as a meta tag, so a static host without headers still enforces it. */
function injectCspMeta(): Plugin {
  return {
    name: 'facegap-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The service worker (src/sw/sw.ts), built only by `vite build`: its manifest lists the app,
 * /models/ (models and wasm) and /packs/; it copies the small files at install and keeps the large
 * ones once used. The manifest is made at closeBundle, after serveFolder's writeBundle copied those
 * folders into dist/, so they are in it. src/privacy/offline.ts registers it.
 */
function offlineServiceWorker(): Plugin[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: resolve(import.meta.dirname, 'src/sw'),
    filename: 'sw.ts',
    injectRegister: null,
    registerType: 'prompt',
    manifest: false,
    devOptions: { enabled: false },
    injectManifest: {
      globPatterns: ['**/*.{html,js,css,json,bin,wasm,fgpack,svg,png,ico}'],
      // faceres-deep.bin is about 14 MB; the default limit (2 MiB) would silently leave it out.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      manifestTransforms: [describeBuildFiles],
      rollupFormat: 'iife',
      minify: true,
    },
  });
}

export default defineConfig({
  plugins: [recordOutDir(), recordPageEntry(), injectCspMeta(), serveFolder('/models/', MODELS_DIR), serveFolder('/packs/', PACKS_DIR, isShippedPackFile), offlineServiceWorker()],
  server: { headers: { ...SECURITY_HEADERS }, port: 5173 },
  preview: { headers: { ...SECURITY_HEADERS }, port: 4173 },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // vite 8's default minifier breaks human's multithreaded wasm (its load never resolves).
    minify: 'esbuild',
    chunkSizeWarningLimit: 4000,
  },
});
