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

describe('access model', () => {
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
