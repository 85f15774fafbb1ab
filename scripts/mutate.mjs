#!/usr/bin/env node
// npm run mutate [-- --module health[,team]] [--concurrency 2] [--summary]
// Mutation testing of the pure domain with StrykerJS, one module at a time against its own fast
// tests (scripts/mutate-modules.mjs). Reports: reports/mutation/<module>.html and .json (not
// committed); the summary table in bench/MUTATION.md is rewritten from every JSON report present.
// --summary only rewrites the table. Not part of `npm test`: a module takes one to several minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODULES } from './mutate-modules.mjs';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const chosen = option('module')?.split(',') ?? Object.keys(MODULES);
const unknown = chosen.filter((m) => !MODULES[m]);
if (unknown.length > 0) {
  console.error(`Unknown module ${unknown.join(', ')}; one of ${Object.keys(MODULES).join(', ')}`);
  process.exit(2);
}

if (!args.includes('--summary')) {
  for (const name of chosen) {
    console.log(`\n== ${name}: ${MODULES[name].source} against ${MODULES[name].tests.join(' ')}`);
    const run = spawnSync(join(root, 'node_modules', '.bin', 'stryker'), ['run', 'stryker.config.mjs'], {
      stdio: 'inherit',
      env: { ...process.env, MUTATE_MODULE: name, MUTATE_CONCURRENCY: option('concurrency') ?? process.env.MUTATE_CONCURRENCY ?? '2' }
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

// Equivalent mutants: no test can tell them from the original. Listed with a reason, matched by
// place (start and end: several mutants can start at one column) and replacement (ids change
// whenever the source does), and left out of the score.
const equivalents = JSON.parse(readFileSync(join(root, 'bench', 'mutation-equivalents.json'), 'utf8'));
const place = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;
const isEquivalent = (name, m) => (equivalents[name] ?? []).some((e) => e.at === place(m) && e.mutator === m.mutatorName && e.replacement === m.replacement);

const rows = [];
for (const name of Object.keys(MODULES)) {
  const file = join(root, 'reports', 'mutation', `${name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const mutants = Object.values(report.files).flatMap((f) => f.mutants);
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const equivalent = mutants.filter((m) => m.status === 'Survived' && isEquivalent(name, m)).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived') - equivalent;
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  const score = valid === 0 ? 0 : (100 * (killed + timeout)) / valid;
  rows.push(`| ${name} | \`${MODULES[name].source}\` | ${mutants.length} | ${killed} | ${survived} | ${noCoverage} | ${timeout} | ${equivalent} | ${count('CompileError', 'RuntimeError')} | **${score.toFixed(1)}%** |`);
}
const table = [
  '| module | source | mutants | killed | survived | no coverage | timeout | equivalent | errors | score |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows
].join('\n');
const doc = join(root, 'bench', 'MUTATION.md');
const text = readFileSync(doc, 'utf8');
const start = '<!-- mutate:table -->';
const end = '<!-- /mutate:table -->';
writeFileSync(doc, text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));
console.log(`\n${table}\n\nbench/MUTATION.md updated.`);
