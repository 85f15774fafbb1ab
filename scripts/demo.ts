// npm run demo — the main job, offline, on a fresh clone:
// a local org seeded with the sample data (for today's date), then
//   sf mam doctor → identify (dry run) → identify --apply → plan create --all-major --apply
//   → health → plan export
// exactly as an admin would run them against a real org. Nothing touches your own sf setup:
// the demo logs in from a temporary home folder.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'mam-demo-home-'));
process.env.HOME = home;
process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
process.env.SF_SKIP_NEW_VERSION_CHECK = 'true';
// The local org speaks plain http on 127.0.0.1; @salesforce/core warns about that each time.
process.removeAllListeners('warning');

const root = process.cwd();
const today = new Date().toISOString().slice(0, 10);
const out = resolve(root, 'out/demo');

const { writeSampleData } = await import('./generate-sample-data.js');
const { startLocalOrg } = await import('../test/local-org/index.js');
const { AuthInfo, StateAggregator } = await import('@salesforce/core');
const { Config } = await import('@oclif/core');

mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'mam-demo-data-'));
writeSampleData(today, data);
const org = await startLocalOrg({ seed: join(data, 'sample-data-plan.json'), today });
const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl } });
await authInfo.save();
await (await StateAggregator.getInstance()).aliases.setAndSave('mam-demo', authInfo.getUsername());
const config = await Config.load(root);
// The commands run from their TypeScript sources, so the demo never uses a stale build.
type Runnable = { run(argv: string[], config: unknown): Promise<unknown> };
const commands: Record<string, Runnable> = {
  'mam doctor': (await import('../src/commands/mam/doctor.js')).default as unknown as Runnable,
  'mam identify': (await import('../src/commands/mam/identify.js')).default as unknown as Runnable,
  'mam plan create': (await import('../src/commands/mam/plan/create.js')).default as unknown as Runnable,
  'mam health': (await import('../src/commands/mam/health.js')).default as unknown as Runnable,
  'mam plan export': (await import('../src/commands/mam/plan/export.js')).default as unknown as Runnable
};

const step = async (title: string, id: string, argv: string[]): Promise<unknown> => {
  console.log(`\n━━ ${title}\n$ sf ${id} ${argv.join(' ')}\n`);
  try {
    return await commands[id].run([...argv, '--target-org', 'mam-demo'], config);
  } catch (error) {
    // The command has printed its error; the demo goes on so the rest of the story is shown.
    console.log(`(stopped: ${(error as Error).message})`);
    return undefined;
  }
};

try {
  console.log(`Major Account Management — offline demo against a local org (${org.instanceUrl}), as of ${today}`);
  await step('Is the org ready?', 'mam doctor', []);
  await step('Who are the critical few? (dry run: nothing is written)', 'mam identify', ['--as-of', today]);
  await step('Flag them (an undo file is written first)', 'mam identify', ['--as-of', today, '--apply', '--undo-file', join(out, `identify-undo-${Date.now()}.json`)]);
  await step('A Draft plan from the template for every major account without one', 'mam plan create', ['--all-major', '--apply', '--start', today, '--undo-file', join(out, `plan-create-${Date.now()}.json`)]);
  await step('Portfolio health, worst first', 'mam health', ['--as-of', today]);
  const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Contoso'));
  if (plan) await step('The Contoso plan as a document to share with the customer', 'mam plan export', ['--plan', plan.Id, '--output', out, '--as-of', today]);
  const calls = org.requestLog.length;
  console.log(`\nDone: ${calls} API requests to the local org. The exported plan is in ${out}/ (Contoso-Pharma.md and .html).`);
} finally {
  await org.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}
