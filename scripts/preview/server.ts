// Serves the preview page on localhost: the bundle (scripts/preview/bundle.ts), SLDS from
// @salesforce-ux/design-system (styles, icons and images at /assets/, where lightning-icon looks).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { bundlePreview, type PreviewBundle } from './bundle.js';
import { PAGE_WIDTH } from './catalog.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.html': 'text/html; charset=utf-8'
};

// The frames: a record page (page background, highlights, tab, main column 2/3) and an app page.
const PAGE_CSS = `
body { margin: 0; background: var(--slds-g-color-surface-container-2, #f3f3f3); }
.preview-toolbar { padding: 0.25rem 0.75rem; font-size: 0.75rem; background: var(--slds-g-color-surface-container-1, #fff); border-bottom: 1px solid var(--slds-g-color-border-1, #e5e5e5); }
.preview-toolbar a { margin-right: 0.5rem; text-decoration: underline; }
.preview-states a { margin-left: 0.5rem; }
.preview-frame { box-sizing: border-box; width: 100%; max-width: ${PAGE_WIDTH}px; padding: 0.75rem; }
.preview-frame_record .slds-page-header { margin-bottom: 0.75rem; }
.preview-tabs { margin-bottom: 0.75rem; }
.preview-slot + .preview-slot { margin-top: 0.75rem; }
.preview-placeholder { min-height: 10rem; }
.preview-index { max-width: ${PAGE_WIDTH}px; background: var(--slds-g-color-surface-container-1, #fff); }
.preview-toasts { position: fixed; top: 0.5rem; left: 0; right: 0; z-index: 9000; }
`;

function html(entry: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Major Account Management — preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>${PAGE_CSS}</style>
</head>
<body>
<div id="preview"></div>
<script type="module" src="/${entry}"></script>
</body>
</html>`;
}

export type PreviewServer = { url: string; close(): Promise<void>; bundle: PreviewBundle };
export type ServerOptions = { root?: string; port?: number; host?: string; bundle?: PreviewBundle };

/** Bundles the page and serves it. Port 0 (the default) takes a free port. */
export async function startPreviewServer(options: ServerOptions = {}): Promise<PreviewServer> {
  const root = options.root ?? process.cwd();
  const bundle = options.bundle ?? (await bundlePreview({ root }));
  const assets = join(root, 'node_modules/@salesforce-ux/design-system/assets');
  // Bundle file names carry a content hash, so browsers may keep them.
  const page = html(bundle.entry);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (status: number, type: string, body: string | Buffer, cache = 'no-store'): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': cache });
      response.end(body);
    };
    if (path === '/' || path === '/index.html') return send(200, TYPES['.html'], page);
    const built = bundle.files.get(path.slice(1));
    if (built !== undefined) return send(200, TYPES['.js'], built, 'max-age=3600, immutable');
    if (path.startsWith('/assets/')) {
      const file = normalize(join(assets, path.slice('/assets/'.length)));
      if (file.startsWith(assets + sep) && existsSync(file) && statSync(file).isFile()) return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), 'max-age=3600');
    }
    if (path === '/favicon.ico') return send(204, 'text/plain', '');
    return send(404, 'text/plain; charset=utf-8', `Not found: ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    bundle,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  };
}
