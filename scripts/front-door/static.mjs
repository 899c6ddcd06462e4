// Static files of the front door's SPA (./public), as nginx serves Kitsu's build: history-mode fallback
// to index.html, into which the base path is written (like a Vite build made with `base`).
import fs from 'node:fs';
import path from 'node:path';

function notFound(res) {
  const body = JSON.stringify({ error: true, message: 'not found' });
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function resolveStaticFile(publicDir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.resolve(publicDir, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== publicDir && !candidate.startsWith(publicDir + path.sep)) return null;
  try {
    return fs.statSync(candidate).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/** index.html with the base path written into its meta tag and its absolute `/...` links. */
function serveIndex(req, res, file, basePath) {
  fs.readFile(file, 'utf8', (error, html) => {
    if (error) {
      notFound(res);
      return;
    }
    const body = Buffer.from(html.replaceAll('="/', `="${basePath}/`));
    res.writeHead(200, {
      'content-type': CONTENT_TYPES['.html'],
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

export function serveStatic(req, res, publicDir, url, basePath) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-length': 0 });
    res.end();
    return;
  }
  const urlPath = new URL(url, 'http://front-door').pathname;
  // History-mode SPA: any path that is not a file gets index.html (nginx `try_files $uri $uri/ /index.html`).
  const file = resolveStaticFile(publicDir, urlPath) ?? path.join(publicDir, 'index.html');
  if (file === path.join(publicDir, 'index.html')) {
    serveIndex(req, res, file, basePath);
    return;
  }
  fs.stat(file, (error, stat) => {
    if (error) {
      notFound(res);
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
  });
}
