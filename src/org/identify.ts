// The identify pipeline against an org: read settings, value per account and the accounts that
// matter, rank them with the domain rules, and work out the changes.
import type { Connection } from '@salesforce/core';
import { planChanges, rankCandidates, splitReasons, windowStart, type CurrentAccount, type Identification, type IdentifyOptions, type PlannedChange } from '../domain/identify.js';
import { readAccounts, readFlaggedOrStrategic, type AccountRow } from './accounts.js';
import type { OrgNames } from './names.js';
import { readRevenue, type RevenueRead } from './revenue.js';
import type { OrgSettings } from './settings.js';

export { windowStart };

export type IdentifyRun = {
  identification: Identification;
  changes: PlannedChange[];
  revenue: Omit<RevenueRead, 'values'>;
  accounts: Map<string, AccountRow>;
  window: { from: string; to: string };
};


function toCurrent(row: AccountRow): CurrentAccount {
  return {
    id: row.Id,
    name: row.Name,
    Major_Account__c: row.Major_Account__c === true,
    Major_Account_Tier__c: (row.Major_Account_Tier__c as CurrentAccount['Major_Account_Tier__c']) ?? null,
    Financial_Significance__c: row.Financial_Significance__c === null || row.Financial_Significance__c === undefined ? null : Number(row.Financial_Significance__c),
    Strategic_Significance__c: row.Strategic_Significance__c === null || row.Strategic_Significance__c === undefined ? null : Number(row.Strategic_Significance__c),
    Major_Account_Reason__c: (row.Major_Account_Reason__c as string | null | undefined) ?? null,
    Major_Account_Identified_On__c: (row.Major_Account_Identified_On__c as string | null | undefined) ?? null
  };
}

export async function identifyInOrg(
  connection: Connection,
  names: OrgNames,
  settings: OrgSettings,
  options: IdentifyOptions & { months: number; asOf: string; marginField?: string; unflag: boolean; forceBulk?: boolean; onProgress?: (n: number) => void }
): Promise<IdentifyRun> {
  const window = { from: windowStart(options.asOf, options.months), to: options.asOf };
  const revenue = await readRevenue(connection, { ...window, marginField: options.marginField, forceBulk: options.forceBulk, bulk: { onProgress: options.onProgress } });
  const flagged = await readFlaggedOrStrategic(connection, names);
  const accounts = new Map(flagged.map((a) => [a.Id, a]));
  const value = (v: { revenue: number; margin?: number }): number => (options.marginField ? (v.margin ?? 0) : v.revenue);
  const inputs = new Map(flagged.map((a) => [a.Id, { id: a.Id, name: a.Name, ownerId: a.OwnerId, value: 0, strategicReasons: splitReasons(a.Strategic_Reasons__c) }]));
  for (const v of revenue.values) {
    const known = inputs.get(v.accountId);
    if (known) known.value = value(v);
    // Names of accounts only known by id are filled in below for those that matter.
    else inputs.set(v.accountId, { id: v.accountId, name: v.accountId, ownerId: v.ownerId, value: value(v), strategicReasons: [] });
  }
  const settingsForRanking = {
    paretoShare: settings.Pareto_Share__c,
    criticalFewMax: settings.Critical_Few_Max__c,
    tier1Share: settings.Tier_1_Share__c,
    tier2Share: settings.Tier_2_Share__c
  };
  // Ranking needs names only to break ties: rank once, fetch the names of the accounts that will
  // be shown (inside the cut or the cap), and rank again with them.
  let identification = rankCandidates([...inputs.values()], settingsForRanking, options);
  const missing = identification.candidates.filter((c) => (c.financial || c.strategic || c.selected) && !accounts.has(c.id)).map((c) => c.id);
  if (missing.length > 0) {
    for (const row of await readAccounts(connection, names, missing)) {
      accounts.set(row.Id, row);
      const input = inputs.get(row.Id);
      if (input) input.name = row.Name;
    }
    identification = rankCandidates([...inputs.values()], settingsForRanking, options);
  }
  const current = [...accounts.values()].map(toCurrent);
  const changes = planChanges(current, identification, { unflag: options.unflag, asOf: options.asOf });
  return { identification, changes, revenue: { method: revenue.method, opportunities: revenue.opportunities }, accounts, window };
}
