import { createReadStream, existsSync, statSync, cpSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/privacy/csp.ts';
import { SECURITY_HEADERS } from './src/privacy/headers.ts';

const MODELS_DIR = resolve(import.meta.dirname, 'models');
const PACKS_DIR = resolve(import.meta.dirname, 'packs');


const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/** Serves a folder of the checkout under a URL prefix in dev and preview, and copies it into the build. */
function serveFolder(prefix: string, dir: string): Plugin {
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
      if (existsSync(dir)) cpSync(dir, join(options.dir ?? 'dist', prefix), { recursive: true });
    },
  };
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
 * The service worker (src/sw/sw.ts), built only by `vite build`: it precaches the app, /models/
 * (models and wasm) and /packs/. Its manifest is made at closeBundle, after serveFolder's
 * writeBundle copied those folders into dist/, so they are in it. src/privacy/offline.ts registers it.
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
      globPatterns: ['**/*.{html,js,css,json,bin,wasm,svg,png,ico}'],
      // The other recognition models (docs/models.md) and their packs are not used by the live
      // camera: they would add about 25 MB to every first visit. They are fetched when compared.
      globIgnores: ['models/faceres-deep.*', 'models/dlib/**', 'packs/*.faceres-deep.*', 'packs/*.dlib.*'],
      // faceres.bin is about 6 MB; the default limit (2 MiB) would silently leave it out.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      rollupFormat: 'iife',
      minify: true,
    },
  });
}

export default defineConfig({
  plugins: [injectCspMeta(), serveFolder('/models/', MODELS_DIR), serveFolder('/packs/', PACKS_DIR), offlineServiceWorker()],
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
