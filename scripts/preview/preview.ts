// npm run preview: builds (package.json runs `npm run build` first), bundles and serves the page,
// and prints its URL. PORT=<n> picks the port (default 3400).
import { startPreviewServer } from './server.js';
import { CATALOG, PAGES, previewPath, type PageName } from './catalog.js';

const started = Date.now();
const server = await startPreviewServer({ port: Number(process.env.PORT ?? 3400) });
const base = server.url.replace(/\/$/, '');
console.log(`Preview of the built components (bundled in ${((Date.now() - started) / 1000).toFixed(1)} s): ${server.url}`);
for (const page of Object.keys(PAGES) as PageName[]) console.log(`  ${PAGES[page].padEnd(34)} ${base}${previewPath({ page })}`);
for (const entry of CATALOG.filter((c) => !c.insideOf)) console.log(`  ${entry.title.padEnd(34)} ${base}${previewPath({ component: entry.name })}`);
for (const problem of server.bundle.problems) console.warn(`  Problem: ${problem}`);
console.log('  States: &state=data|empty|error|readonly. Ctrl+C stops the server.');
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
