// sf mam doctor: each check reads the org and says "ok" or what is wrong and how to fix it.
import { Messages, type Connection } from '@salesforce/core';
import { PACKAGE_OBJECTS, PERMISSION_SETS } from './package-model.generated.js';
import type { OrgNames } from './names.js';
import { queryAll } from './query.js';
import { quoteList } from './soql.js';
import { readSettings } from './settings.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.doctor');

export type CheckStatus = 'ok' | 'warning' | 'problem';
export type DoctorCheck = { check: string; status: CheckStatus; detail: string; fix?: string };

type FieldDescribe = { name: string };
type ObjectDescribe = { name: string; fields: FieldDescribe[]; createable: boolean; updateable: boolean };

const ok = (id: string, detail: string): DoctorCheck => ({ check: messages.getMessage(`check.${id}`), status: 'ok', detail });
const bad = (id: string, status: CheckStatus, detail: string, fix: string): DoctorCheck => ({ check: messages.getMessage(`check.${id}`), status, detail, fix });

export type DoctorContext = {
  connection: Connection;
  names: OrgNames;
  /** Evaluates a sample of active plans; returns the names of those that fail and why. */
  evaluatePlans?: () => Promise<{ checked: number; failures: string[] }>;
};

export async function diagnose(context: DoctorContext): Promise<DoctorCheck[]> {
  const { connection, names } = context;
  const checks: DoctorCheck[] = [];
  const global = await connection.describeGlobal();
  const present = new Set(global.sobjects.map((s) => s.name));
  const objects = Object.keys(PACKAGE_OBJECTS);
  const missingObjects = objects.filter((o) => !present.has(names.api(o)));
  checks.push(
    missingObjects.length === 0
      ? ok('objects', messages.getMessage('ok.objects', [objects.length, names.namespace ? ` (namespace ${names.namespace})` : '']))
      : bad('objects', 'problem', messages.getMessage('problem.objectsMissing', [missingObjects.map((o) => names.api(o)).join(', ')]), messages.getMessage('fix.objectsMissing'))
  );

  const missingFields: string[] = [];
  const cannot: string[] = [];
  let fieldCount = 0;
  for (const object of objects.filter((o) => present.has(names.api(o)))) {
    const describe = (await connection.describe(names.api(object))) as unknown as ObjectDescribe;
    const visible = new Set(describe.fields.map((f) => f.name));
    for (const field of Object.keys(PACKAGE_OBJECTS[object])) {
      fieldCount += 1;
      if (!visible.has(names.api(field))) missingFields.push(names.api(`${object}.${field}`));
    }
    if (object !== 'Account' && !object.endsWith('__mdt') && (!describe.createable || !describe.updateable)) cannot.push(`create or edit ${names.api(object)}`);
  }
  checks.push(
    missingFields.length === 0
      ? ok('fields', messages.getMessage('ok.fields', [fieldCount]))
      : bad('fields', 'problem', messages.getMessage('problem.fieldsMissing', [missingFields.join(', ')]), messages.getMessage('fix.fieldsMissing'))
  );
  checks.push(cannot.length === 0 ? ok('access', messages.getMessage('ok.access')) : bad('access', 'warning', messages.getMessage('problem.access', [cannot.join('; ')]), messages.getMessage('fix.access')));

  checks.push(await checkSettings(connection, names));
  checks.push(...(await checkPermissionSets(connection, names)));

  if (context.evaluatePlans && missingObjects.length === 0 && missingFields.length === 0) {
    const { checked, failures } = await context.evaluatePlans();
    checks.push(failures.length === 0 ? ok('plans', messages.getMessage('ok.plans', [checked])) : bad('plans', 'problem', messages.getMessage('problem.plans', [failures.length, failures.join('; ')]), messages.getMessage('fix.plans')));
  }
  return checks;
}

async function checkSettings(connection: Connection, names: OrgNames): Promise<DoctorCheck> {
  let settings: Record<string, number>;
  try {
    settings = await readSettings(connection, names);
  } catch (error) {
    return bad('settings', 'problem', error instanceof Error ? error.message : String(error), messages.getMessage('fix.settings'));
  }
  const issues: string[] = [];
  const weights = ['Weight_Execution__c', 'Weight_Cadence__c', 'Weight_Coverage__c', 'Weight_Alignment__c', 'Weight_Results__c'];
  const total = weights.reduce((sum, w) => sum + (settings[w] ?? 0), 0);
  if (weights.some((w) => !Number.isFinite(settings[w]) || settings[w] < 0)) issues.push('every health weight must be a number of 0 or more');
  else if (Math.abs(total - 100) > 0.001) issues.push(`the health weights add up to ${total}, not 100`);
  if (!(settings.At_Risk_Threshold__c < settings.On_Track_Threshold__c)) issues.push('the At Risk threshold must be below the On Track threshold');
  if (!(settings.Tier_1_Share__c < settings.Tier_2_Share__c && settings.Tier_2_Share__c <= 100)) issues.push('Tier 1 share must be below Tier 2 share, and Tier 2 share at most 100');
  if (!(settings.Pareto_Share__c > 0 && settings.Pareto_Share__c <= 100)) issues.push('the Pareto share must be between 1 and 100');
  if (!(settings.Critical_Few_Max__c >= 1)) issues.push('the critical-few maximum must be at least 1');
  if (!(settings.Default_Review_Cadence_Days__c >= 1)) issues.push('the default review cadence must be at least 1 day');
  return issues.length === 0 ? ok('settings', messages.getMessage('ok.settings')) : bad('settings', 'problem', messages.getMessage('problem.settings', [issues.join('; ')]), messages.getMessage('fix.settings'));
}

async function checkPermissionSets(connection: Connection, names: OrgNames): Promise<DoctorCheck[]> {
  const sets = await queryAll<{ Id: string; Name: string }>(
    connection,
    `SELECT Id, Name FROM PermissionSet WHERE Name IN ${quoteList([...PERMISSION_SETS])}${names.namespace ? ` AND NamespacePrefix = '${names.namespace}'` : ''}`
  );
  const missing = PERMISSION_SETS.filter((name) => !sets.some((s) => s.Name === name));
  if (missing.length > 0) {
    return [bad('permissionSets', 'problem', messages.getMessage('problem.permissionSetsMissing', [missing.join(', ')]), messages.getMessage('fix.permissionSetsMissing'))];
  }
  const assignments = await queryAll<{ PermissionSetId: string }>(
    connection,
    `SELECT PermissionSetId FROM PermissionSetAssignment WHERE PermissionSetId IN ${quoteList(sets.map((s) => s.Id))}`
  );
  const counts = sets.map((set) => ({ name: set.Name, count: assignments.filter((a) => a.PermissionSetId === set.Id).length }));
  const unassigned = counts.filter((c) => c.count === 0);
  if (unassigned.length === 0) return [ok('permissionSets', counts.map((c) => `${c.name}: ${c.count}`).join(', '))];
  return unassigned.map((c) => bad('permissionSets', 'warning', messages.getMessage('problem.notAssigned', [c.name]), messages.getMessage('fix.notAssigned', [c.name])));
}
