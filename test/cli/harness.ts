// Runs `sf mam` commands in-process against the local org over real HTTP, as a user would after
// `sf org login access-token`. Import this module before anything from @salesforce/core: it points
// HOME at a temporary folder so the tests never touch the real sf configuration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssertionError } from 'node:assert';
import { asJson, schemaOfCommandClass, schemaViolations } from './json-schema.js';

const home = mkdtempSync(join(tmpdir(), 'mam-cli-home-'));
process.env.HOME = home;
process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
process.env.SF_DISABLE_TELEMETRY = 'true';
process.env.SF_DISABLE_AUTOUPDATE = 'true';
process.env.SF_SKIP_NEW_VERSION_CHECK = 'true';
process.env.SF_AUTOUPDATE_DISABLE = 'true';

export const projectRoot = process.cwd();

export type CommandOutput<T> = { result?: T; error?: Error & { data?: unknown; actions?: string[]; exitCode?: number }; stdout: string; stderr: string };

type Runnable = { name?: string; run(argv: string[], config?: never): Promise<unknown> };

/** Errors that carry the command's result as their data (the --json output of a partial success). */
const RESULT_ERRORS = new Set(['PartialFailureError', 'BelowError', 'NothingToApplyError']);

/**
 * Every result a test sees must match its command's committed JSON schema (schemas/json): a change
 * to what --json prints fails the test that produced it, not a script downstream.
 */
function checkResultSchema<T>(command: Runnable, output: Omit<CommandOutput<T>, 'stdout' | 'stderr'>): void {
  const value = output.result ?? (output.error && RESULT_ERRORS.has(output.error.name) ? output.error.data : undefined);
  if (!command.name || value === undefined) return;
  const problems = schemaViolations(schemaOfCommandClass(command.name), asJson(value));
  if (problems.length > 0) {
    throw new AssertionError({ message: `${command.name}'s --json result does not match its schema (npm run schemas after a deliberate change):\n${problems.slice(0, 20).join('\n')}` });
  }
}

let config: unknown;

/**
 * Runs `work` with this process's stdout and stderr captured as text, restored afterwards. Only
 * text is command output: the test runner reports results from this process as binary
 * (v8-serialized) chunks on stdout, which must pass through or results would be lost.
 */
async function captured<T>(work: () => Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    out.push(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  const exitCode = process.exitCode;
  try {
    const value = await work();
    return { value, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
    process.exitCode = exitCode;
  }
}

/** One command's run: its result, or the error it ended with (returned, not thrown). */
async function runOne<T>(command: Runnable, argv: string[]): Promise<Omit<CommandOutput<T>, 'stdout' | 'stderr'>> {
  try {
    return { result: (await command.run(argv, config as never)) as T };
  } catch (error) {
    return { error: error as CommandOutput<T>['error'] };
  }
}

/**
 * Runs one command class with argv; captures what it prints. Errors are returned, not thrown; it
 * throws only when the result does not match the command's JSON schema.
 */
export async function runCommand<T>(command: Runnable, argv: string[]): Promise<CommandOutput<T>> {
  const { Config } = await import('@oclif/core');
  config ??= await Config.load(projectRoot);
  const { value, stdout, stderr } = await captured(() => runOne<T>(command, argv));
  const output: CommandOutput<T> = { ...value, stdout, stderr };
  checkResultSchema(command, output);
  return output;
}

/**
 * Runs several commands at the same time in this process (two users running the same command at
 * once). Output is captured once for all of them, since each run would otherwise restore the
 * others' capture; it is returned whole, not per command.
 */
export async function runConcurrently<T>(runs: Array<[Runnable, string[]]>): Promise<{ outputs: Array<Omit<CommandOutput<T>, 'stdout' | 'stderr'>>; stdout: string; stderr: string }> {
  const { Config } = await import('@oclif/core');
  config ??= await Config.load(projectRoot);
  const { value: outputs, stdout, stderr } = await captured(() => Promise.all(runs.map(([command, argv]) => runOne<T>(command, argv))));
  runs.forEach(([command], i) => checkResultSchema(command, outputs[i]));
  return { outputs, stdout, stderr };
}

/** Saves an access-token login for the local org under an alias, as `sf org login access-token` would. */
export async function loginToLocalOrg(instanceUrl: string, accessToken: string, alias: string): Promise<string> {
  const { AuthInfo, StateAggregator } = await import('@salesforce/core');
  const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken, instanceUrl, loginUrl: instanceUrl } });
  await authInfo.save();
  const state = await StateAggregator.getInstance();
  await state.aliases.setAndSave(alias, authInfo.getUsername());
  return authInfo.getUsername();
}

export function cleanUpHome(): void {
  rmSync(home, { recursive: true, force: true });
}
