import { readFileSync } from 'node:fs';
import { startSession } from './session.ts';
const s = await startSession();
const { page } = await s.open({ page: 'tab' }, 'data');
await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
const r = await page.evaluate(async () => { const res = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }); return { passes: res.passes.map((p: any) => `${p.id}:${p.nodes.length}`), incomplete: res.incomplete.map((p: any) => `${p.id}:${p.nodes.length} ${p.nodes.slice(0,3).map((n: any) => JSON.stringify(n.target)).join(' ')}`), sample: res.passes.find((p: any) => p.id === 'button-name')?.nodes.slice(0, 3).map((n: any) => n.target) }; });
console.log(JSON.stringify(r, null, 1));
await s.close();
