// scripts/verify-in-org.sh needs a real org, which no machine here has: what can be proven is that
// it parses, passes shellcheck (when installed), refuses bad arguments with its usage (exit 2)
// before touching anything, and says so when the Salesforce CLI is missing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SCRIPT = 'scripts/verify-in-org.sh';
const run = (args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stderr: string; stdout: string } => {
  const result = spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8', env, timeout: 20_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
};

describe('scripts/verify-in-org.sh', () => {
  it('parses, and is shellcheck-clean with set -euo pipefail', (t) => {
    assert.equal(spawnSync('bash', ['-n', SCRIPT]).status, 0);
    assert.match(readFileSync(SCRIPT, 'utf8'), /^set -euo pipefail$/m);
    const shellcheck = spawnSync('shellcheck', [SCRIPT], { encoding: 'utf8' });
    if (shellcheck.error) {
      t.skip('shellcheck is not installed');
      return;
    }
    assert.equal(shellcheck.status, 0, shellcheck.stdout);
  });

  for (const [why, args] of [
    ['no alias', []],
    ['an unknown option', ['my-sandbox', '--force']],
    ['two aliases', ['one', 'two']],
    ['--namespace without a value', ['my-sandbox', '--namespace']]
  ] as Array<[string, string[]]>) {
    it(`${why}: prints the usage and exits 2 before doing anything`, () => {
      const { status, stderr, stdout } = run(args);
      assert.equal(status, 2);
      assert.match(stderr, /usage: scripts\/verify-in-org\.sh <alias> \[--deploy\] \[--skip-data\] \[--namespace <ns>\]/);
      assert.equal(stdout, '', 'nothing ran');
    });
  }

  it('--help prints the usage on stdout and exits 0', () => {
    const { status, stdout } = run(['--help']);
    assert.equal(status, 0);
    assert.match(stdout, /usage: scripts\/verify-in-org\.sh <alias>/);
  });

  it('with an alias but no Salesforce CLI: says how to install it and exits 1', (t) => {
    const PATH = `/usr/bin:/bin:${dirname(process.execPath)}`; // bash and node, no node_modules/.bin
    if (spawnSync('bash', ['-c', 'command -v sf'], { env: { PATH } }).status === 0) {
      t.skip('an sf is installed on the system path');
      return;
    }
    const { status, stderr } = run(['my-sandbox'], { ...process.env, PATH });
    assert.equal(status, 1);
    assert.match(stderr, /The Salesforce CLI \(sf\) is not installed/);
  });
});
