// npm run demo — the main job, offline.
// Until the local org and the CLI flow are in place this builds the package and prints what it
// contains, read from the metadata itself.
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { filesOfType, loadProject } from './lib/metadata/project.js';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const project = loadProject(process.cwd());
console.log('\nMajor Account Management — what the package contains\n');
for (const object of [...project.objects.values()].filter((o) => [...o.fields.values()].some((f) => f.file))) {
  const fields = [...object.fields.values()].filter((f) => f.file);
  console.log(`  ${object.name.padEnd(28)} ${String(fields.length).padStart(3)} custom fields  (${fields.map((f) => f.name).join(', ')})`);
}
const names = (type: string, suffix: string): string => filesOfType(project, type).map((f) => basename(f.path).replace(suffix, '')).join(', ') || '—';
console.log(`\n  Permission sets: ${names('PermissionSet', '.permissionset-meta.xml')}`);
console.log(`  Apps:            ${names('CustomApplication', '.app-meta.xml')}`);
console.log(`  Tabs:            ${names('CustomTab', '.tab-meta.xml')}`);
console.log(`  Report types:    ${names('ReportType', '.reportType-meta.xml')}`);
console.log(`  Lightning pages: ${names('FlexiPage', '.flexipage-meta.xml')}`);
console.log(`  Components:      ${[...project.lwcBundles.keys()].join(', ') || '—'}`);
console.log(`  Custom labels:   ${project.labels.size}`);
