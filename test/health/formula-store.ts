// The local org's record store loaded with the package's settings record, so tests can evaluate
// the plan's formula and roll-up fields (read from force-app) with formulon, as the platform would.
import { OrgSchema } from '../local-org/schema.js';
import { makeId, Store, type Rec } from '../local-org/store.js';
import { loadProject, type Project } from '../../scripts/lib/metadata/project.js';
import { healthSettingsFrom, type HealthSettings } from '../../src/domain/health.js';

export type FormulaStore = {
  store: Store;
  project: Project;
  settings: HealthSettings;
  /** The value of a field of a stored Account_Plan__c record. */
  planField(record: Rec, name: string): unknown;
};

export function formulaStore(today = '2026-11-24'): FormulaStore {
  const schema = new OrgSchema('');
  const store = new Store(schema, today);
  const project = loadProject(process.cwd());
  const settingsFile = project.files.find((f) => f.root.name === 'CustomMetadata');
  if (!settingsFile) throw new Error('force-app has no Custom Metadata record');
  const settingsRecord: Rec = { Id: makeId('m01', 1), DeveloperName: 'Default' };
  for (const value of settingsFile.root.children.filter((c) => c.name === 'values')) {
    const field = value.children.find((c) => c.name === 'field')?.text ?? '';
    settingsRecord[field] = Number(value.children.find((c) => c.name === 'value')?.text);
  }
  store.insert('Major_Account_Setting__mdt', settingsRecord);
  const plan = schema.objects.get('Account_Plan__c');
  if (!plan) throw new Error('force-app has no Account_Plan__c');
  return {
    store,
    project,
    settings: healthSettingsFrom(settingsRecord),
    planField: (record, name) => {
      const field = plan.fields.get(name);
      if (!field) throw new Error(`Account_Plan__c has no field ${name}`);
      return store.value(plan, record, field);
    }
  };
}
