// What calibration reads from the org (plans with their reviews and dated children, the accounts'
// closed opportunities) and the settings file it can write for an admin to deploy. It never
// writes to the org: Custom Metadata records change only through Setup or a Metadata API deploy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '@salesforce/core';
import { addMonths, type ClosedOpportunity, type HistoryPlan, type Weights } from '../domain/calibration.js';
import { PACKAGE_OBJECTS } from './package-model.generated.js';
import type { OrgNames } from './names.js';
import { readPlans } from './plans.js';
import { queryAll } from './query.js';
import { API_VERSION } from './session.js';
import type { OrgSettings } from './settings.js';
import { quoteList } from './soql.js';

export type CalibrationHistory = { plans: HistoryPlan[]; opportunities: ClosedOpportunity[] };

/** Account ids per IN list: keeps each query well below the URL and SOQL length limits. */
const ACCOUNTS_PER_QUERY = 200;

/** Every plan with reviews, and the closed opportunities of their accounts from a horizon before the first review to `asOf`. */
export async function readCalibrationHistory(connection: Connection, names: OrgNames, options: { asOf: string; horizonMonths: number }): Promise<CalibrationHistory> {
  const history: HistoryPlan[] = await readPlans(connection, names);
  const accountIds = [...new Set(history.map((p) => String(p.Account__c ?? '')).filter(Boolean))];
  const firstReview = history.flatMap((p) => p.reviews.map((r) => String(r.Review_Date__c ?? ''))).filter(Boolean).sort()[0];
  const opportunities: ClosedOpportunity[] = [];
  if (!firstReview) return { plans: history, opportunities };
  const from = addMonths(firstReview, -options.horizonMonths);
  for (let i = 0; i < accountIds.length; i += ACCOUNTS_PER_QUERY) {
    const ids = accountIds.slice(i, i + ACCOUNTS_PER_QUERY);
    // Dates are validated YYYY-MM-DD strings; SOQL date literals are unquoted.
    const rows = await queryAll<{ AccountId: string; CloseDate: string; IsWon: boolean; Amount: number | null }>(
      connection,
      `SELECT AccountId, CloseDate, IsWon, Amount FROM Opportunity WHERE IsClosed = true AND AccountId IN ${quoteList(ids)} AND CloseDate >= ${from} AND CloseDate <= ${options.asOf}`
    );
    opportunities.push(...rows.map((r) => ({ AccountId: r.AccountId, CloseDate: r.CloseDate, IsWon: r.IsWon === true, Amount: r.Amount === null ? null : Number(r.Amount) })));
  }
  return { plans: history, opportunities };
}

export const WEIGHT_FIELDS: Record<keyof Weights, string> = {
  execution: 'Weight_Execution__c',
  cadence: 'Weight_Cadence__c',
  coverage: 'Weight_Coverage__c',
  alignment: 'Weight_Alignment__c',
  results: 'Weight_Results__c'
};

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The whole Default record with the suggested weights, in Metadata API format. Deploying a
 * Custom Metadata record replaces every value, so the file carries all current settings too.
 */
export function settingsRecordFiles(settings: OrgSettings, weights: Weights, names: OrgNames): Map<string, string> {
  const values: OrgSettings = { ...settings };
  for (const [part, field] of Object.entries(WEIGHT_FIELDS)) values[field] = weights[part as keyof Weights];
  const fields = Object.keys(PACKAGE_OBJECTS.Major_Account_Setting__mdt ?? {});
  const type = names.api('Major_Account_Setting__mdt').replace(/__mdt$/, '');
  const record = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    '    <label>Default</label>',
    '    <protected>false</protected>',
    ...fields.flatMap((f) => ['    <values>', `        <field>${escapeXml(names.api(f))}</field>`, `        <value xsi:type="xsd:double">${Number(values[f])}</value>`, '    </values>']),
    '</CustomMetadata>',
    ''
  ].join('\n');
  const manifest = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Package xmlns="http://soap.sforce.com/2006/04/metadata">',
    '    <types>',
    `        <members>${escapeXml(type)}.Default</members>`,
    '        <name>CustomMetadata</name>',
    '    </types>',
    `    <version>${API_VERSION}</version>`,
    '</Package>',
    ''
  ].join('\n');
  return new Map([
    ['package.xml', manifest],
    [join('customMetadata', `${type}.Default.md`), record]
  ]);
}

/** Writes the files under `dir`; returns their paths. */
export function writeSettingsRecord(dir: string, files: Map<string, string>): string[] {
  return [...files].map(([name, content]) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return path;
  });
}
