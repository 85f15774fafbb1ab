// npm run analyze — Salesforce Code Analyzer, offline: the PMD, regex, RetireJS and ESLint engines
// over the deployable metadata and code (force-app, with the compiled components), the CLI (src)
// and the scripts. Writes the SARIF report to reports/code-analyzer.sarif; exits 1 on any
// Critical (1) or High (2) finding.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, OutputFormat, SeverityLevel } from '@salesforce/code-analyzer-core';
import * as pmd from '@salesforce/code-analyzer-pmd-engine';
import * as regex from '@salesforce/code-analyzer-regex-engine';
import * as retirejs from '@salesforce/code-analyzer-retirejs-engine';
import * as eslint from '@salesforce/code-analyzer-eslint-engine';

const root = process.cwd();
const started = Date.now();
// The explicit configuration (no code-analyzer.yml): engines' recommended rules; ESLint with the
// analyzer's own Salesforce base configs, not the project's eslint.config.js (which npm run lint runs).
mkdirSync(join(root, 'reports'), { recursive: true });
const config = CodeAnalyzerConfig.fromObject({ config_root: root, log_folder: join(root, 'reports'), engines: { eslint: { auto_discover_eslint_config: false } } }, root);
const analyzer = new CodeAnalyzer(config);
for (const engine of [pmd, regex, retirejs, eslint]) await analyzer.addEnginePlugin(engine.createEnginePlugin());
const workspace = await analyzer.createWorkspace(['force-app', 'src', 'scripts'].map((d) => join(root, d)));
const rules = await analyzer.selectRules(['Recommended'], { workspace });
const results = await analyzer.run(rules, { workspace });
writeFileSync(join(root, 'reports/code-analyzer.sarif'), results.toFormattedOutput(OutputFormat.SARIF));
const count = (level: SeverityLevel): number => results.getViolationCountOfSeverity(level);
console.log(
  `analyze: ${rules.getCount()} rules, ${results.getViolationCount()} finding(s) — critical ${count(SeverityLevel.Critical)}, high ${count(SeverityLevel.High)}, moderate ${count(SeverityLevel.Moderate)}, low ${count(SeverityLevel.Low)}, info ${count(SeverityLevel.Info)} — in ${((Date.now() - started) / 1000).toFixed(0)} s; report: reports/code-analyzer.sarif`
);
const blocking = results.getViolations().filter((v) => v.getRule().getSeverityLevel() <= SeverityLevel.High);
for (const v of blocking) {
  const at = v.getPrimaryLocation();
  console.error(`${at.getFile() ?? '?'}:${at.getStartLine() ?? '?'} [${v.getRule().getEngineName()}/${v.getRule().getName()}] ${v.getMessage()}`);
}
if (blocking.length > 0) process.exit(1);
