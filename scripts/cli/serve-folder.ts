/** A vite dev-server plugin that serves one local folder, read-only, for the CLI scripts' pages. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Serves the files of `dir` under `route` (e.g. a private, unguessable one), read-only: a path
 * outside `dir`, a folder or a missing file answers 404.
 */
export function serveFolder(dir: string, route: string, name = `facegap-folder-${route}`): Plugin {
  return {
    name,
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        if (!url.startsWith(route)) return next();
        const file = normalize(join(dir, decodeURIComponent(url.slice(route.length))));
        if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        createReadStream(file).pipe(res);
      });
    },
  };
}
