// Bundles the preview page with rollup and @lwc/rollup-plugin: the components as `npm run build`
// ships them (the compiled .js in force-app, never the .ts), the real lightning-base-components
// and one copy of the LWC engine in synthetic shadow. Stand-ins replace only what needs Lightning
// Data Service or the platform (scripts/preview/modules/lightning/*), and the @salesforce/* scoped
// imports resolve to what the org would give: the real Custom Label text, schema references, a user id.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup, type Plugin, type RollupCache, type RollupLog } from 'rollup';
import lwcModule from '@lwc/rollup-plugin';
import nodeResolveModule from '@rollup/plugin-node-resolve';
import replaceModule from '@rollup/plugin-replace';
import { transform } from 'esbuild';
import { readFields, readLabels } from './platform.js';
// @ts-expect-error plain ESM build helper without types (as test/build/lwc-build.test.ts imports it)
import { toPlatformExports } from '../lib/lwc-build.mjs';

// These plugins are typed as CommonJS modules; under Node's ESM their default export is the function.
function pluginFactory<T>(module: T): T extends { default: infer F } ? F : T {
  return (typeof module === 'function' ? module : (module as { default: unknown }).default) as T extends { default: infer F } ? F : T;
}
const lwc = pluginFactory(lwcModule);
const nodeResolve = pluginFactory(nodeResolveModule);
const replace = pluginFactory(replaceModule);

const here = dirname(fileURLToPath(import.meta.url));
export const PREVIEW_USER_ID = '005000000000000000';

/** The bundled page: files (path relative to the site root → content), the entry file, and what the platform would refuse. */
export type PreviewBundle = { files: Map<string, string>; entry: string; problems: string[] };

/** Kebab-case custom element name of a component bundle (planTeam → c-plan-team). */
export function tagName(bundle: string): string {
  return `c-${bundle.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The deployable LWC bundles (components and modules such as c/ldsUtils), by their compiled .js. */
function componentBundles(lwcRoot: string): Array<{ name: string; js: string }> {
  return readdirSync(lwcRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, js: join(lwcRoot, d.name, `${d.name}.js`) }))
    .filter((b) => existsSync(b.js) || existsSync(b.js.replace(/\.js$/, '.ts')));
}

/** Virtual modules for the @salesforce scoped imports, the JSON fixtures and the component registry. */
function platformImports(root: string, lwcRoot: string, problems: Set<string>): Plugin {
  const labels = readLabels(root);
  const fields = readFields(root);
  const bundles = componentBundles(lwcRoot);
  const PREFIX = '\0preview:';
  return {
    name: 'mam-preview-platform',
    resolveId(source, importer) {
      if (source.startsWith('@salesforce/label/c.')) return `${PREFIX}label:${source.slice('@salesforce/label/c.'.length)}`;
      if (source.startsWith('@salesforce/schema/')) return `${PREFIX}schema:${source.slice('@salesforce/schema/'.length)}`;
      if (source === '@salesforce/user/Id') return `${PREFIX}user`;
      // The user's locale, currency and time zone: the values lightning-base-components ships for an en-US org.
      if (source.startsWith('@salesforce/i18n/')) {
        const file = join(root, 'node_modules/lightning-base-components/scopedImports', `${source.replace(/\//g, '-')}.js`);
        return existsSync(file) ? file : null;
      }
      if (source.startsWith('@salesforce/customPermission/')) return `${PREFIX}permission:${source.slice('@salesforce/customPermission/'.length)}`;
      if (source === 'virtual:preview-components') return `${PREFIX}components`;
      if (source === 'virtual:preview-fields') return `${PREFIX}fields`;
      // fixture:<component>/<name>: the jest fixture __tests__/data/<name>.graphql.json (made by running
      // the component's own query on the sample data) or, where there is none, the hand-shaped <name>.json.
      if (source.startsWith('fixture:')) {
        const [component, name] = source.slice('fixture:'.length).split('/');
        const dir = join(lwcRoot, component, '__tests__/data');
        const file = [`${name}.graphql.json`, `${name}.json`].map((f) => join(dir, f)).find((f) => existsSync(f));
        if (!file) this.error(`No fixture ${name}(.graphql).json in ${relative(root, dir)}`);
        return `${PREFIX}json:${file}`;
      }
      if (source.endsWith('.json') && importer) return `${PREFIX}json:${resolve(dirname(importer.replace(/\?.*$/, '')), source)}`;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [kind, ...rest] = id.slice(PREFIX.length).split(':');
      const arg = rest.join(':');
      switch (kind) {
        case 'label': {
          const value = labels.get(arg);
          // The platform would refuse the deployment; the page shows the gap and reports it.
          if (value === undefined) problems.add(`No Custom Label ${arg} in force-app/main/default/labels/CustomLabels.labels-meta.xml`);
          return `export default ${JSON.stringify(value ?? `[missing label c.${arg}]`)};`;
        }
        case 'schema': {
          const [objectApiName, ...path] = arg.split('.');
          const ref = path.length ? { objectApiName, fieldApiName: path.join('.') } : { objectApiName };
          return `export default ${JSON.stringify(ref)};`;
        }
        case 'user':
          return `export default ${JSON.stringify(PREVIEW_USER_ID)};`;
        case 'permission':
          // Granted unless the page shows a read-only user (decided in the browser, from the URL).
          return `import { customPermission } from ${JSON.stringify(join(here, 'app/state.ts'))};\nexport default customPermission(${JSON.stringify(arg)});`;
        case 'json':
          return `export default JSON.parse(${JSON.stringify(readFileSync(arg, 'utf8'))});`;
        case 'fields':
          return `export default ${JSON.stringify(fields)};`;
        case 'components': {
          const components = bundles.filter((b) => existsSync(b.js.replace(/\.js$/, '.html')));
          const lines = components.map((b, i) => `import C${i} from 'c/${b.name}';`);
          lines.push(`export default { ${components.map((b, i) => `${JSON.stringify(tagName(b.name))}: C${i}`).join(', ')} };`);
          return lines.join('\n');
        }
        default:
          return null;
      }
    }
  };
}

/** The preview's own TypeScript (page and stand-ins): types stripped the way `npm run build` strips the components'. */
function previewTypeScript(): Plugin {
  return {
    name: 'mam-preview-typescript',
    resolveId(source, importer) {
      // NodeNext-style './x.js' specifiers point at ./x.ts on disk.
      if (importer && source.startsWith('.') && source.endsWith('.js')) {
        const ts = resolve(dirname(importer.replace(/\?.*$/, '')), source.replace(/\.js$/, '.ts'));
        if (ts.startsWith(here) && existsSync(ts)) return ts;
      }
      return null;
    },
    async transform(code, id) {
      const file = id.replace(/\?.*$/, '');
      if (!file.startsWith(here) || !file.endsWith('.ts')) return null;
      const out = await transform(code, {
        loader: 'ts',
        format: 'esm',
        target: 'es2022',
        supported: { decorators: true },
        sourcefile: file,
        tsconfigRaw: { compilerOptions: {} }
      });
      // As in `npm run build`: the LWC compiler links a template only to a literal `export default`.
      return { code: toPlatformExports(out.code), map: null };
    }
  };
}

export type BundleOptions = { root?: string; production?: boolean; cacheFile?: string | null };

/** Where rollup keeps its transform cache between runs (the LWC compiler is most of a cold bundle). */
const DEFAULT_CACHE = 'node_modules/.cache/mam-preview/rollup-cache.json';

function readCache(file: string): RollupCache | undefined {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RollupCache) : undefined;
  } catch {
    return undefined;
  }
}

/** Bundles the page in memory. Fails when a component was not built (run `npm run build`). */
export async function bundlePreview(options: BundleOptions = {}): Promise<PreviewBundle> {
  const root = options.root ?? process.cwd();
  const lwcRoot = join(root, 'force-app/main/default/lwc');
  const unbuilt = componentBundles(lwcRoot).filter((b) => !existsSync(b.js));
  if (unbuilt.length) throw new Error(`Not built: ${unbuilt.map((b) => relative(root, b.js)).join(', ')}. Run npm run build first.`);
  const warnings: string[] = [];
  const problems = new Set<string>();
  const cacheFile = options.cacheFile === null ? null : join(root, options.cacheFile ?? DEFAULT_CACHE);
  const build = await rollup({
    input: join(here, 'app/main.ts'),
    cache: cacheFile ? readCache(cacheFile) : undefined,
    // Each c/<name> resolves to the deployable .js `npm run build` wrote, so the page shows what ships.
    plugins: [
      platformImports(root, lwcRoot, problems),
      previewTypeScript(),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify(options.production ? 'production' : 'development'),
          'import.meta.env.SSR': 'false'
        }
      }),
      lwc({
        rootDir: join(here, 'app'),
        modules: [
          ...componentBundles(lwcRoot).map((b) => ({ name: `c/${b.name}`, path: b.js })),
          { dir: join(here, 'modules') },
          // lightning-combobox uses ElementInternals behind this gate; synthetic shadow has none.
          { name: '@salesforce/gate/bc.260.enableComboboxElementInternals', path: join(here, 'modules/gate/closed/closed.ts') },
          { npm: 'lightning-base-components' }
        ]
      }),
      nodeResolve({ browser: true })
    ],
    onwarn(warning: RollupLog) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.code === 'UNRESOLVED_IMPORT') problems.add(warning.message);
      warnings.push(warning.message);
    }
  });
  const { output } = await build.generate({ format: 'es', dir: 'out', entryFileNames: 'app-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js' });
  await build.close();
  if (cacheFile && build.cache) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    // Without the syntax trees the cache is a fraction of the size; rollup re-parses quickly.
    const modules = build.cache.modules.map((module) => ({ ...module, ast: undefined }));
    writeFileSync(cacheFile, JSON.stringify({ ...build.cache, modules }));
  }
  if (warnings.length && process.env.PREVIEW_VERBOSE) console.warn(warnings.join('\n'));
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry)?.fileName ?? 'app.js';
  return {
    entry,
    files: new Map(output.map((chunk) => [chunk.fileName, chunk.type === 'chunk' ? chunk.code : String(chunk.source)])),
    problems: [...problems].sort()
  };
}
