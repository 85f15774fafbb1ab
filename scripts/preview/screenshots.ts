// npm run screenshots: PNGs of the built components (package.json runs `npm run build` first) at a
// 1280 px wide page, into docs/screenshots/: every card of the Major Account tab with the sample
// data, the whole tab, the portfolio page, and empty and error states. The preview's toolbar is left out.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startSession } from './session.js';
import { TAB, type PageName, type PreviewState } from './catalog.js';

type Shot = { file: string; target: { component: string } | { page: PageName }; state: PreviewState };

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const SHOTS: Shot[] = [
  { file: 'major-account-tab.png', target: { page: 'tab' }, state: 'data' },
  { file: 'portfolio.png', target: { page: 'portfolio' }, state: 'data' },
  ...TAB.map((entry): Shot => ({ file: `${kebab(entry.name)}.png`, target: { component: entry.name }, state: 'data' })),
  { file: 'plan-health-card-empty.png', target: { component: 'planHealthCard' }, state: 'empty' },
  { file: 'plan-health-card-error.png', target: { component: 'planHealthCard' }, state: 'error' },
  { file: 'plan-objectives-read-only.png', target: { component: 'planObjectives' }, state: 'readonly' },
  { file: 'portfolio-empty.png', target: { page: 'portfolio' }, state: 'empty' }
];

const outDir = join(process.cwd(), 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const session = await startSession();
let failed = false;
try {
  for (const shot of SHOTS) {
    const { page, errors } = await session.open(shot.target, shot.state);
    const path = join(outDir, shot.file);
    writeFileSync(path, await page.locator('[data-preview-frame]').screenshot({ animations: 'disabled' }));
    console.log(`${relative(process.cwd(), path)}  ${(statSync(path).size / 1024).toFixed(0)} KB`);
    for (const error of errors) {
      failed = true;
      console.error(`  ${error}`);
    }
    await page.close();
  }
} finally {
  await session.close();
}
if (failed) {
  console.error('Some pages reported errors (above): the screenshots may not show what ships.');
  process.exitCode = 1;
}
