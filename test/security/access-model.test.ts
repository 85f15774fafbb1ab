// The access model, read from the permission sets and objects: what each persona may do, no
// "view/modify all", sharing inherited from the Account, and the README's table equal to it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { childText, childrenNamed, filesOfType, loadProject } from '../../scripts/lib/metadata/project.js';

const project = loadProject(process.cwd());
const MAJOR_FIELDS = ['Major_Account__c', 'Major_Account_Tier__c', 'Financial_Significance__c', 'Strategic_Significance__c', 'Strategic_Reasons__c', 'Major_Account_Reason__c', 'Major_Account_Identified_On__c'];
const PLAN_OBJECTS = ['Account_Plan__c', 'Plan_Objective__c', 'Plan_Milestone__c', 'Account_Team_Role__c', 'Plan_Review__c', 'Plan_Insight__c'];
const LABELS: Record<string, string> = { Major_Account_User: 'Major Account User (reps)', Major_Account_Manager: 'Major Account Manager', Major_Account_Admin: 'Major Account Admin' };

type Access = { objects: Map<string, Set<string>>; fields: Map<string, 'read' | 'edit'>; userPermissions: string[] };

function accessOf(name: string): Access {
  const file = filesOfType(project, 'PermissionSet').find((f) => basename(f.path) === `${name}.permissionset-meta.xml`)!;
  const objects = new Map<string, Set<string>>();
  for (const p of childrenNamed(file.root, 'objectPermissions')) {
    const flags = new Set(['allowCreate', 'allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords', 'modifyAllRecords'].filter((k) => childText(p, k) === 'true'));
    objects.set(childText(p, 'object') ?? '', flags);
  }
  const fields = new Map<string, 'read' | 'edit'>();
  for (const p of childrenNamed(file.root, 'fieldPermissions')) {
    if (childText(p, 'readable') === 'true') fields.set(childText(p, 'field') ?? '', childText(p, 'editable') === 'true' ? 'edit' : 'read');
  }
  return { objects, fields, userPermissions: childrenNamed(file.root, 'userPermissions').filter((u) => childText(u, 'enabled') === 'true').map((u) => childText(u, 'name') ?? '') };
}

/** The persona table, derived from the metadata (the README must show exactly this). */
function personaTable(): string {
  const rows = ['| permission set | major-account fields on Account | plans and their details | delete a plan | plan health fields |', '|---|---|---|---|---|'];
  for (const name of Object.keys(LABELS)) {
    const access = accessOf(name);
    const major = MAJOR_FIELDS.every((f) => access.fields.get(`Account.${f}`) === 'edit') ? 'read and edit' : MAJOR_FIELDS.every((f) => access.fields.get(`Account.${f}`) === 'read') ? 'read only' : 'mixed';
    const plans = PLAN_OBJECTS.every((o) => ['allowCreate', 'allowRead', 'allowEdit'].every((k) => access.objects.get(o)?.has(k))) ? 'create, read, edit' : 'restricted';
    const remove = access.objects.get('Account_Plan__c')?.has('allowDelete') ? 'yes' : 'no';
    const health = [...project.objects.get('Account_Plan__c')!.fields.values()].filter((f) => f.name.startsWith('Health_')).every((f) => access.fields.get(`Account_Plan__c.${f.name}`) === 'read') ? 'read only' : 'mixed';
    rows.push(`| ${LABELS[name]} | ${major} | ${plans} | ${remove} | ${health} |`);
  }
  return rows.join('\n');
}

const RIGHTS: Array<[string, string]> = [['allowCreate', 'create'], ['allowRead', 'read'], ['allowEdit', 'edit'], ['allowDelete', 'delete']];

/** Every object any permission set grants, and each persona's rights on it (the README shows exactly this). */
function objectTable(): string {
  const objects = [...new Set(Object.keys(LABELS).flatMap((name) => [...accessOf(name).objects.keys()]))].sort();
  const rows = [`| object | ${Object.values(LABELS).join(' | ')} |`, `|---|${Object.keys(LABELS).map(() => '---').join('|')}|`];
  for (const object of objects) {
    const cells = Object.keys(LABELS).map((name) => {
      const flags = accessOf(name).objects.get(object);
      const granted = RIGHTS.filter(([key]) => flags?.has(key)).map(([, word]) => word);
      return granted.length ? granted.join(', ') : 'none';
    });
    rows.push(`| ${object} | ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

/** The fields that not every persona may edit (computed fields aside): who may change them. */
function restrictedFieldTable(): string {
  const names = Object.keys(LABELS);
  const fields = [...new Set(names.flatMap((name) => [...accessOf(name).fields.keys()]))].sort();
  const rows = [`| field | ${Object.values(LABELS).join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
  for (const field of fields) {
    const [object, name] = field.split('.');
    const model = project.objects.get(object)?.fields.get(name);
    if (!model || model.formula !== undefined || model.type === 'Summary') continue;
    const grants = names.map((n) => accessOf(n).fields.get(field) ?? 'none');
    if (grants.every((g) => g === 'edit')) continue;
    rows.push(`| ${field} | ${grants.map((g) => (g === 'edit' ? 'read and edit' : g === 'read' ? 'read only' : 'none')).join(' | ')} |`);
  }
  return rows.join('\n');
}

describe('access model', () => {
  it('keeps reps from changing what plan health is computed from: no deleting milestones, reviews or plans; cadence and health at review are read-only', () => {
    const rep = accessOf('Major_Account_User');
    for (const object of ['Account_Plan__c', 'Plan_Milestone__c', 'Plan_Review__c']) assert.ok(!rep.objects.get(object)?.has('allowDelete'), `reps do not delete ${object}`);
    for (const field of ['Account_Plan__c.Review_Cadence_Days__c', 'Plan_Review__c.Health_At_Review__c', 'Account_Plan__c.Template_Key__c']) assert.equal(rep.fields.get(field), 'read', `reps read ${field}`);
    for (const name of ['Major_Account_Manager', 'Major_Account_Admin']) {
      const access = accessOf(name);
      assert.ok(access.objects.get('Plan_Milestone__c')?.has('allowDelete') && access.objects.get('Plan_Review__c')?.has('allowDelete'), `${name} may delete milestones and reviews`);
      assert.equal(access.fields.get('Account_Plan__c.Review_Cadence_Days__c'), 'edit', `${name} sets the cadence`);
    }
  });

  it('the README shows every object and right, and every field not all personas may edit', () => {
    const section = readFileSync('README.md', 'utf8').split('## Security')[1] ?? '';
    assert.ok(section.includes(objectTable()), `README.md "## Security" must contain:\n${objectTable()}`);
    assert.ok(section.includes(restrictedFieldTable()), `README.md "## Security" must contain:\n${restrictedFieldTable()}`);
  });

  it('grants no "View All Data", "Modify All Data", view-all or modify-all records', () => {
    for (const name of Object.keys(LABELS)) {
      const access = accessOf(name);
      assert.deepEqual(access.userPermissions.filter((p) => /ViewAllData|ModifyAllData|ManageUsers|AuthorApex/.test(p)), [], name);
      for (const [object, flags] of access.objects) assert.ok(!flags.has('viewAllRecords') && !flags.has('modifyAllRecords'), `${name} on ${object}`);
    }
  });

  it('lets every plan object inherit the Account\'s sharing', () => {
    for (const object of PLAN_OBJECTS) {
      const file = project.files.find((f) => f.path.endsWith(`objects/${object}/${object}.object-meta.xml`))!;
      assert.equal(childText(file.root, 'sharingModel'), 'ControlledByParent', object);
    }
  });

  it('keeps reps from changing who is a major account; managers may', () => {
    const rep = accessOf('Major_Account_User');
    const manager = accessOf('Major_Account_Manager');
    for (const field of MAJOR_FIELDS) {
      assert.equal(rep.fields.get(`Account.${field}`), 'read', `rep reads ${field}`);
      assert.equal(manager.fields.get(`Account.${field}`), 'edit', `manager edits ${field}`);
    }
    assert.ok(!rep.objects.get('Account_Plan__c')?.has('allowDelete'), 'reps archive plans, they do not delete them');
  });

  it('gives every persona every custom field of the package, computed ones read-only', () => {
    for (const name of Object.keys(LABELS)) {
      const access = accessOf(name);
      for (const object of project.objects.values()) {
        if (!object.custom && object.name !== 'Account') continue;
        if (object.isCustomMetadata) continue;
        for (const field of object.fields.values()) {
          if (!field.file || field.required) continue; // required and master-detail fields take no field permissions
          const granted = access.fields.get(`${object.name}.${field.name}`);
          assert.ok(granted, `${name} lacks ${object.name}.${field.name}`);
          if (field.formula !== undefined || field.type === 'Summary') assert.equal(granted, 'read', `${name}: ${object.name}.${field.name} is computed`);
        }
      }
    }
  });

  it('is the table the README shows under "Security"', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.split('## Security')[1] ?? '';
    assert.ok(section.includes(personaTable()), `README.md "## Security" must contain:\n${personaTable()}`);
  });
});
