// npm run org:local — starts the local org (a stand-in of the Salesforce REST API used by the
// tests and the demo) seeded with the sample data, and says how to point sf and sf mam at it.
//   npm run org:local -- --port 8787 [--namespace mam] [--persist out/local-org.json]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSampleData } from './generate-sample-data.js';
import { startLocalOrg } from '../test/local-org/index.js';

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const today = new Date().toISOString().slice(0, 10);
const data = mkdtempSync(join(tmpdir(), 'mam-local-org-'));
writeSampleData(today, data);
const org = await startLocalOrg({
  seed: join(data, 'sample-data-plan.json'),
  today,
  port: Number(value('--port') ?? 8787),
  namespace: value('--namespace'),
  persistFile: value('--persist')
});
console.log(`Local org running at ${org.instanceUrl} (sample data as of ${today}; Ctrl+C to stop).

  export SF_ACCESS_TOKEN='${org.accessToken}'
  sf org login access-token --instance-url ${org.instanceUrl} --alias mam-local --no-prompt
  sf data query --target-org mam-local --query "SELECT Name, Health_Score__c, Health_Status__c FROM Account_Plan__c"
  sf mam health --target-org mam-local          # with the plugin linked: sf plugins link .

It is test infrastructure, not Salesforce: see "The local org" in the README for what it does not imitate.`);
process.on('SIGINT', () => {
  void org.close().then(() => process.exit(0));
});
