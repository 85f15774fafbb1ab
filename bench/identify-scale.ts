// Benchmark 1 (identify at scale) and 2 (API economy): generated orgs with long-tail revenue,
// the identification pipeline through the Bulk API path, DuckDB on the same CSV for comparison.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { startLocalOrg } from '../test/local-org/index.js';

export type ScaleResult = {
  opportunities: number;
  accounts: number;
  pipelineMs: number;
  streamMs: number;
  rankMs: number;
  clientMaxRssMb: number;
  /** Median, min and max of 5 runs each, on the same file. */
  localCsv: Runs;
  duckdb: Runs;
  /** The local org's busy time while the client ran, as a share of the pipeline time. */
  serverShare: number;
  requests: number;
  minimumRequests: number;
  resultPages: number;
  requestPaths: string[];
};

export type Runs = { median: number; min: number; max: number };

async function runs(times: number, run: () => Promise<unknown>): Promise<Runs> {
  const ms: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms[ms.length - 1] };
}

function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export async function identifyAtScale(opportunities: number, accounts: number): Promise<ScaleResult> {
  const today = '2026-11-24';
  const org = await startLocalOrg({ today, root: process.cwd() });
  const random = prng(opportunities);
  const accountIds: string[] = [];
  for (let i = 0; i < accounts; i += 1) {
    const Id = org.store.newId('Account');
    org.store.insert('Account', { Id, Name: `Account ${i}` });
    accountIds.push(Id);
  }
  const dir = mkdtempSync(join(tmpdir(), 'mam-bench-'));
  const csvPath = join(dir, 'opportunities.csv');
  // The columns and format the identification's Bulk query returns.
  const owner = String(org.records('User')[0]?.Id ?? '005000000000001AAA');
  const lines: string[] = ['AccountId,Account.OwnerId,Amount\n'];
  for (let i = 0; i < opportunities; i += 1) {
    // Long tail: low account numbers get most deals (and most revenue).
    const r = Math.min(accounts - 1, Math.floor(accounts * random() ** 3));
    const AccountId = accountIds[r];
    const Amount = Math.round(1000 + random() * 50_000);
    org.store.insert('Opportunity', { Id: org.store.newId('Opportunity'), AccountId, Amount, StageName: 'Closed Won', IsWon: true, IsClosed: true, CloseDate: '2026-06-01', Name: `Deal ${i}` });
    lines.push(`${AccountId},${owner},${Amount}\n`);
  }
  writeFileSync(csvPath, lines.join(''));
  lines.length = 0;

  const logStart = org.requestLog.length;
  const busyBefore = performance.eventLoopUtilization();
  // The client runs in its own process (its memory is what we measure) while this process serves it.
  const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/identify-client.ts', org.instanceUrl, org.accessToken, '2025-11-25', today]);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const busy = performance.eventLoopUtilization(busyBefore);
  if (child.status !== 0) throw new Error(child.stderr);
  const client = JSON.parse(child.stdout) as { opportunities: number; accounts: number; streamMs: number; rankMs: number; totalMs: number; maxRssMb: number };
  const requests = org.requestLog.slice(logStart);
  const resultPages = requests.filter((r) => r.path.endsWith('/results')).length;
  await org.close();

  // The same aggregation, in-process from the CSV file (no HTTP): the identification's own reader
  // and sums, then the order by value — and DuckDB's GROUP BY … ORDER BY on the same file.
  const localCsv = await new Promise<Runs>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/csv-loop.ts', csvPath]);
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('close', (status) => (status === 0 ? resolve(JSON.parse(out) as Runs) : reject(new Error(err))));
  });
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  const duckdb = await runs(5, () => connection.runAndReadAll(`SELECT AccountId, SUM(Amount) AS total FROM read_csv('${csvPath}', header = true) GROUP BY AccountId ORDER BY total DESC`));
  rmSync(dir, { recursive: true, force: true });
  // Minimum: create the job, poll it once, one results page per 50,000 rows (the page size asked for),
  // plus the describe that finds the package.
  const minimumRequests = 1 + 1 + Math.max(1, Math.ceil(client.opportunities / 50_000)) + 1;
  return {
    opportunities: client.opportunities,
    accounts: client.accounts,
    pipelineMs: client.totalMs,
    streamMs: client.streamMs,
    rankMs: client.rankMs,
    clientMaxRssMb: client.maxRssMb,
    localCsv,
    duckdb,
    serverShare: busy.active / client.totalMs,
    requests: requests.length,
    minimumRequests,
    resultPages,
    requestPaths: requests.map((r) => `${r.method} ${r.path.replace(/\/services\/data\/v[\d.]+/, '').replace(/750LOCAL\d+/, '{job}') || '/services/data'}`)
  };
}
