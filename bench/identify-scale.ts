// Benchmark 1 (identify at scale) and 2 (API economy): generated orgs with long-tail revenue,
// the identification pipeline through the Bulk API path, DuckDB on the same CSV for comparison.
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { startLocalOrg } from '../test/local-org/index.js';
import { CsvParser } from '../src/org/csv.js';

export type ScaleResult = {
  opportunities: number;
  accounts: number;
  pipelineMs: number;
  streamMs: number;
  rankMs: number;
  clientMaxRssMb: number;
  localCsvMs: number;
  duckdbMs: number;
  requests: number;
  minimumRequests: number;
  resultPages: number;
  requestPaths: string[];
};

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
  const lines: string[] = ['AccountId,Amount\n'];
  for (let i = 0; i < opportunities; i += 1) {
    // Long tail: low account numbers get most deals (and most revenue).
    const r = Math.min(accounts - 1, Math.floor(accounts * random() ** 3));
    const AccountId = accountIds[r];
    const Amount = Math.round(1000 + random() * 50_000);
    org.store.insert('Opportunity', { Id: org.store.newId('Opportunity'), AccountId, Amount, StageName: 'Closed Won', IsWon: true, IsClosed: true, CloseDate: '2026-06-01', Name: `Deal ${i}` });
    lines.push(`${AccountId},${Amount}\n`);
  }
  writeFileSync(csvPath, lines.join(''));
  lines.length = 0;

  const logStart = org.requestLog.length;
  // The client runs in its own process (its memory is what we measure) while this process serves it.
  const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/identify-client.ts', org.instanceUrl, org.accessToken, '2025-11-25', today]);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const client = JSON.parse(child.stdout) as { opportunities: number; accounts: number; streamMs: number; rankMs: number; totalMs: number; maxRssMb: number };
  const requests = org.requestLog.slice(logStart);
  const resultPages = requests.filter((r) => r.path.endsWith('/results')).length;
  await org.close();

  // The same aggregation, in-process from the CSV file (no HTTP), and in DuckDB.
  let started = performance.now();
  const totals = new Map<string, number>();
  const parser = new CsvParser();
  let header = true;
  for await (const chunk of createReadStream(csvPath, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    for (const row of parser.push(chunk as string)) {
      if (header) {
        header = false;
        continue;
      }
      totals.set(row[0], (totals.get(row[0]) ?? 0) + Number(row[1]));
    }
  }
  [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const localCsvMs = performance.now() - started;
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  started = performance.now();
  await connection.runAndReadAll(`SELECT AccountId, SUM(Amount) AS total FROM read_csv('${csvPath}', header = true) GROUP BY AccountId ORDER BY total DESC`);
  const duckdbMs = performance.now() - started;
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
    localCsvMs,
    duckdbMs,
    requests: requests.length,
    minimumRequests,
    resultPages,
    requestPaths: requests.map((r) => `${r.method} ${r.path.replace(/\/services\/data\/v[\d.]+/, '').replace(/750LOCAL\d+/, '{job}') || '/services/data'}`)
  };
}
