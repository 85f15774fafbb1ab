// Child process of bench/identify-scale.ts: runs the identification pipeline (Bulk API 2.0 CSV
// stream → per-account sums → ranking) against a running local org and reports time and peak
// memory of this process only, so the server's records do not count.
import { AuthInfo, Connection } from '@salesforce/core';
import { readRevenue } from '../../src/org/revenue.js';
import { rankCandidates } from '../../src/domain/identify.js';

const [instanceUrl, accessToken, from, to] = process.argv.slice(2);
process.removeAllListeners('warning');
const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken, instanceUrl, loginUrl: instanceUrl } });
const connection = await Connection.create({ authInfo });
connection.setApiVersion('62.0');
const started = performance.now();
const revenue = await readRevenue(connection, { from, to, forceBulk: true, bulk: { pageSize: 50_000, pollIntervalMs: 5 } });
const read = performance.now();
const ranking = rankCandidates(
  revenue.values.map((v) => ({ id: v.accountId, name: v.accountId, value: v.revenue, strategicReasons: [] })),
  { paretoShare: 80, criticalFewMax: 20, tier1Share: 50, tier2Share: 80 }
);
const done = performance.now();
process.stdout.write(
  JSON.stringify({
    opportunities: revenue.opportunities,
    accounts: revenue.values.length,
    selected: ranking.selected.length,
    streamMs: read - started,
    rankMs: done - read,
    totalMs: done - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024
  })
);
