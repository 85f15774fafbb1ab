// The Major Account Setting "Default" record, read from the org (the same numbers the formulas
// read through $CustomMetadata).
import type { Connection } from '@salesforce/core';
import { PACKAGE_OBJECTS } from './package-model.generated.js';
import type { OrgNames } from './names.js';
import { queryAll } from './query.js';
import { sharedMessages } from './session.js';

export type OrgSettings = Record<string, number>;

export async function readSettings(connection: Connection, names: OrgNames): Promise<OrgSettings> {
  const fields = Object.keys(PACKAGE_OBJECTS.Major_Account_Setting__mdt ?? {});
  const soql = `SELECT DeveloperName, ${fields.map((f) => names.api(f)).join(', ')} FROM ${names.api('Major_Account_Setting__mdt')} WHERE DeveloperName = 'Default'`;
  const [record] = await queryAll(connection, soql);
  if (!record) throw sharedMessages.createError('error.SettingsMissing');
  const local = names.toLocal<Record<string, unknown>>(record);
  return Object.fromEntries(fields.map((f) => [f, Number(local[f])]));
}
