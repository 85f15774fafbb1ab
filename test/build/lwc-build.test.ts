// The build must refuse a component that the platform would compile into a blank one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM build helper without types
import { checkBundles, toPlatformExports } from '../../scripts/lib/lwc-build.mjs';

type Check = { problems: string[]; count: number };
const lwcRoot = join(process.cwd(), 'force-app/main/default/lwc');

function plant(name: string, code: string): string {
  const root = mkdtempSync(join(tmpdir(), 'lwc-build-'));
  const dir = join(root, 'lwc', name);
  cpSync(join(lwcRoot, name), dir, { recursive: true });
  writeFileSync(join(dir, `${name}.js`), code);
  return root;
}

test('every built component in force-app registers its template', () => {
  const { problems, count } = checkBundles(lwcRoot) as Check;
  assert.deepEqual(problems, []);
  assert.ok(count >= 13);
});

test("esbuild's `export { X as default }` is refused, naming the file", () => {
  const built = readFileSync(join(lwcRoot, 'planTeam/planTeam.js'), 'utf8');
  assert.match(built, /export default PlanTeam;/);
  const old = built.replace('export default PlanTeam;', 'export {\n  PlanTeam as default\n};');
  const root = plant('planTeam', old);
  const { problems } = checkBundles(join(root, 'lwc'), root) as Check;
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /^lwc\/planTeam\/planTeam\.js: compiles without registering planTeam\.html/);
  // The same file, as the build now rewrites it, passes.
  const fixed = plant('planTeam', toPlatformExports(old));
  assert.deepEqual((checkBundles(join(fixed, 'lwc'), fixed) as Check).problems, []);
});

test('the export rewrite keeps named exports beside the default', () => {
  assert.equal(toPlatformExports('class A {}\nexport {\n  A as default,\n  b\n};'), 'class A {}\nexport default A;\nexport { b };');
  assert.equal(toPlatformExports('export { a, b };'), 'export { a, b };');
});
