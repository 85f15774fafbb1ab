// What the platform needs from a compiled Lightning web component, and the check that it got it.
// The LWC compiler (the Babel plugin the platform runs on deploy) links a component to its
// template only when it sees a literal `export default`; esbuild writes
// `class X {…}; export { X as default };`, which compiles without error into a component with
// the empty default template. So the build rewrites that export, and every bundle with an HTML
// template must compile to code that registers it.
import { transformSync } from '@lwc/compiler';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Rewrites esbuild's `export { X as default, … }` into `export default X;` (plus the rest). */
export function toPlatformExports(code) {
  return code.replace(/export\s*\{([^}]*)\};?/g, (whole, list) => {
    const names = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const def = names.find((n) => /\s+as\s+default$/.test(n));
    if (!def) return whole;
    const local = def.replace(/\s+as\s+default$/, '');
    const rest = names.filter((n) => n !== def);
    return `export default ${local};` + (rest.length ? `\nexport { ${rest.join(', ')} };` : '');
  });
}

export function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '__tests__' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * Compiles every deployable bundle under lwcRoot as the platform would and lists what would fail
 * or ship broken: compile errors, eval/new Function, and a template the component never registers.
 */
export function checkBundles(lwcRoot, root = process.cwd()) {
  const problems = [];
  const bundles = existsSync(lwcRoot) ? readdirSync(lwcRoot).filter((n) => statSync(join(lwcRoot, n)).isDirectory()) : [];
  for (const name of bundles) {
    const js = join(lwcRoot, name, `${name}.js`);
    if (!existsSync(js)) {
      problems.push(`${relative(root, js)}: missing (no ${name}.ts to compile?)`);
      continue;
    }
    for (const file of walk(join(lwcRoot, name)).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(file, 'utf8');
      if (/\beval\s*\(|\bnew\s+Function\s*\(/.test(source)) {
        problems.push(`${relative(root, file)}: uses eval or new Function`);
      }
      let code;
      try {
        code = transformSync(source, basename(file), { name, namespace: 'c', isExplicitImport: false }).code;
      } catch (error) {
        problems.push(`${relative(root, file)}: LWC compiler: ${error.message}`);
        continue;
      }
      const template = `${name}.html`;
      if (file === js && existsSync(join(lwcRoot, name, template))) {
        const registers = /registerComponent\s*\(/.test(code) && code.includes(`./${template}`);
        if (!registers) {
          problems.push(
            `${relative(root, file)}: compiles without registering ${template} — the component would render blank on the platform (it needs a literal \`export default\`)`
          );
        }
      }
    }
  }
  return { problems, count: bundles.length };
}
