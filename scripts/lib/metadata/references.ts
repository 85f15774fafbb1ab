// Cross-references: every field, object, tab, app, label, component and report a metadata file
// names must exist in the project (or be a platform standard the project relies on).
import { basename } from 'node:path';
import {
  childText,
  childrenNamed,
  childTexts,
  descendantsNamed,
  filesOfType,
  objectOf,
  type FieldModel,
  type MetadataFile,
  type ObjectModel,
  type Problem,
  type Project
} from './project.js';

export type Resolution = { ok: true; field: FieldModel; object: ObjectModel } | { ok: false; reason: string };

/** The object a lookup or master-detail field points to (User, Account, ...). */
function targetOf(project: Project, field: FieldModel): ObjectModel | undefined {
  return field.referenceTo ? project.objects.get(field.referenceTo) : undefined;
}

/**
 * Resolves a field path as formulas, permission sets and reports write it, from an object:
 * `Status__c`, `Plan__r.Period_End__c`, `Account.Name`, `Owner.Name`.
 */
export function resolveField(project: Project, objectName: string, path: string): Resolution {
  const object = project.objects.get(objectName);
  if (!object) return { ok: false, reason: `object ${objectName} does not exist` };
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    const field = object.fields.get(head);
    return field ? { ok: true, field, object } : { ok: false, reason: `field ${objectName}.${head} does not exist` };
  }
  // A relationship: Custom__r → Custom__c, Account → AccountId, Owner → OwnerId.
  const lookupName = head.endsWith('__r') ? head.replace(/__r$/, '__c') : `${head}Id`;
  const lookup = object.fields.get(lookupName);
  if (!lookup) return { ok: false, reason: `relationship ${objectName}.${head} does not exist (no field ${lookupName})` };
  const target = targetOf(project, lookup);
  if (!target) return { ok: false, reason: `${objectName}.${lookupName} is not a relationship to a known object` };
  return resolveField(project, target.name, rest.join('.'));
}

/** Resolves `$CustomMetadata.Type__mdt.Record.Field__c`. */
export function resolveCustomMetadata(project: Project, reference: string): string | undefined {
  const [, type, record, field] = reference.split('.');
  const object = project.objects.get(type);
  if (!object || !object.isCustomMetadata) return `custom metadata type ${type} does not exist`;
  if (!project.customMetadataRecords.has(`${type}.${record}`)) return `custom metadata record ${type}.${record} does not exist`;
  if (!object.fields.has(field)) return `field ${type}.${field} does not exist`;
  return undefined;
}

/** Checks one formula identifier on an object; returns why it does not resolve, if it does not. */
export function checkIdentifier(project: Project, objectName: string, identifier: string): string | undefined {
  if (identifier.startsWith('$CustomMetadata.')) return resolveCustomMetadata(project, identifier);
  if (identifier.startsWith('$Label.')) {
    const label = identifier.slice('$Label.'.length);
    return project.labels.has(label) ? undefined : `custom label ${label} does not exist`;
  }
  if (identifier.startsWith('$User.')) return resolveField(project, 'User', identifier.slice('$User.'.length)).ok ? undefined : `${identifier} is not a User field`;
  if (identifier.startsWith('$')) return undefined; // $Permission, $Profile, $Organization: platform globals
  const resolved = resolveField(project, objectName, identifier);
  return resolved.ok ? undefined : resolved.reason;
}

type Check = (project: Project, file: MetadataFile, problem: (message: string) => void) => void;

const isCustomName = (name: string): boolean => name.endsWith('__c');

const hasCustomPermission = (project: Project, name: string): boolean =>
  project.files.some((f) => f.root.name === 'CustomPermission' && basename(f.path) === `${name}.customPermission-meta.xml`);

// A component can be placed only on the kinds of page its bundle targets.
const PAGE_TARGETS: Record<string, string> = { RecordPage: 'lightning__RecordPage', AppPage: 'lightning__AppPage', HomePage: 'lightning__HomePage' };

const checkPermissionSet: Check = (project, file, problem) => {
  for (const permission of childrenNamed(file.root, 'fieldPermissions')) {
    const reference = childText(permission, 'field') ?? '';
    const [objectName, fieldName] = reference.split('.');
    const resolved = resolveField(project, objectName, fieldName ?? '');
    if (!resolved.ok) {
      problem(`fieldPermissions names ${reference}: ${resolved.reason}`);
      continue;
    }
    const field = resolved.field;
    // The platform refuses field-level security on fields that are always required or computed.
    if (field.required) problem(`fieldPermissions on ${reference}: required and master-detail fields cannot carry field permissions`);
    const computed = field.formula !== undefined || field.type === 'Summary' || field.type === 'AutoNumber';
    if (computed && childText(permission, 'editable') === 'true') problem(`fieldPermissions on ${reference}: a ${field.formula ? 'formula' : field.type} field cannot be editable`);
  }
  for (const permission of childrenNamed(file.root, 'objectPermissions')) {
    const name = childText(permission, 'object') ?? '';
    if (!project.objects.has(name)) problem(`objectPermissions names object ${name}, which does not exist`);
  }
  for (const tab of childrenNamed(file.root, 'tabSettings')) {
    const name = childText(tab, 'tab') ?? '';
    if (!name.startsWith('standard-') && !project.files.some((f) => f.root.name === 'CustomTab' && basename(f.path) === `${name}.tab-meta.xml`)) {
      problem(`tabSettings names tab ${name}, which does not exist`);
    }
  }
  for (const app of childrenNamed(file.root, 'applicationVisibilities')) {
    const name = childText(app, 'application') ?? '';
    if (!project.files.some((f) => f.root.name === 'CustomApplication' && basename(f.path) === `${name}.app-meta.xml`)) {
      problem(`applicationVisibilities names app ${name}, which does not exist`);
    }
  }
  for (const permission of childrenNamed(file.root, 'customPermissions')) {
    const name = childText(permission, 'name') ?? '';
    if (!hasCustomPermission(project, name)) problem(`customPermissions names ${name}, which does not exist`);
  }
  for (const access of childrenNamed(file.root, 'customMetadataTypeAccesses')) {
    const name = childText(access, 'name') ?? '';
    if (!project.objects.get(name)?.isCustomMetadata) problem(`customMetadataTypeAccesses names ${name}, which does not exist`);
  }
};

function checkFieldList(project: Project, objectName: string, names: string[], where: string, problem: (m: string) => void): void {
  for (const name of names) {
    if (!isCustomName(name) && name !== 'Name') continue; // standard list-view tokens such as ACCOUNT.NAME
    const resolved = resolveField(project, objectName, name);
    if (!resolved.ok) problem(`${where} names ${name}: ${resolved.reason}`);
  }
}

// Standard related lists a custom object has only when a setting turns them on: the activity
// lists (RelatedHistoryList is Activity History, not field history) and field history.
const STANDARD_RELATED_LIST_NEEDS: Record<string, { setting: string; list: string }> = {
  RelatedActivityList: { setting: 'enableActivities', list: 'Open Activities' },
  RelatedHistoryList: { setting: 'enableActivities', list: 'Activity History' },
  RelatedEntityHistoryList: { setting: 'enableHistory', list: 'field history' }
};

const checkLayout: Check = (project, file, problem) => {
  const objectName = basename(file.path).split('-')[0];
  if (!project.objects.has(objectName)) {
    problem(`layout for object ${objectName}, which does not exist`);
    return;
  }
  checkFieldList(project, objectName, descendantsNamed(file.root, 'field').map((n) => n.text ?? ''), 'layout item', problem);
  for (const related of childrenNamed(file.root, 'relatedLists')) {
    const name = childText(related, 'relatedList') ?? '';
    const [child, lookup] = name.split('.');
    if (!lookup) {
      const needs = STANDARD_RELATED_LIST_NEEDS[name];
      const object = project.objects.get(objectName);
      const objectFile = object?.custom ? project.files.find((f) => f.path === object.file) : undefined;
      if (needs && objectFile && childText(objectFile.root, needs.setting) !== 'true') {
        problem(`related list ${name} (${needs.list}) needs <${needs.setting}>true</${needs.setting}> on ${objectName}`);
      }
      continue;
    }
    const resolved = resolveField(project, child, lookup);
    if (!resolved.ok) {
      problem(`related list ${name}: ${resolved.reason}`);
      continue;
    }
    if (resolved.field.referenceTo !== objectName) problem(`related list ${name}: ${lookup} does not point to ${objectName}`);
    checkFieldList(project, child, childTexts(related, 'fields'), `related list ${name}`, problem);
  }
};

const checkObjectChild: Check = (project, file, problem) => {
  const objectName = objectOf(file) ?? '';
  switch (file.root.name) {
    case 'ListView':
      checkFieldList(project, objectName, childTexts(file.root, 'columns'), 'list view column', problem);
      checkFieldList(project, objectName, childrenNamed(file.root, 'filters').map((f) => childText(f, 'field') ?? ''), 'list view filter', problem);
      break;
    case 'CompactLayout':
      checkFieldList(project, objectName, childTexts(file.root, 'fields'), 'compact layout', problem);
      break;
    case 'ValidationRule': {
      const display = childText(file.root, 'errorDisplayField');
      if (display) checkFieldList(project, objectName, [display], 'errorDisplayField', problem);
      break;
    }
    case 'CustomField': {
      const summaryKey = childText(file.root, 'summaryForeignKey');
      if (summaryKey) {
        const [child, lookup] = summaryKey.split('.');
        const resolved = resolveField(project, child, lookup ?? '');
        if (!resolved.ok) problem(`roll-up summaryForeignKey ${summaryKey}: ${resolved.reason}`);
        else if (resolved.field.type !== 'MasterDetail' || resolved.field.referenceTo !== objectName) {
          problem(`roll-up summaryForeignKey ${summaryKey} must be a master-detail field pointing to ${objectName}`);
        }
        const summarized = childText(file.root, 'summarizedField');
        if (summarized) {
          const [summaryObject, summaryField] = summarized.split('.');
          const target = resolveField(project, summaryObject, summaryField ?? '');
          if (summaryObject !== child) problem(`roll-up summarizedField ${summarized} is not on ${child}`);
          else if (!target.ok) problem(`roll-up summarizedField ${summarized}: ${target.reason}`);
        }
        for (const filter of childrenNamed(file.root, 'summaryFilterItems')) {
          const name = childText(filter, 'field') ?? '';
          const [filterObject, filterField] = name.split('.');
          const target = resolveField(project, filterObject, filterField ?? '');
          if (!target.ok) problem(`roll-up filter ${name}: ${target.reason}`);
        }
      }
      break;
    }
    case 'CustomObject': {
      const compact = childText(file.root, 'compactLayoutAssignment');
      if (compact && compact !== 'SYSTEM' && !project.files.some((f) => f.root.name === 'CompactLayout' && objectOf(f) === objectName && basename(f.path) === `${compact}.compactLayout-meta.xml`)) {
        problem(`compactLayoutAssignment names ${compact}, which does not exist`);
      }
      const searchFields = descendantsNamed(file.root, 'searchLayouts').flatMap((layout) => layout.children.map((c) => c.text ?? ''));
      checkFieldList(project, objectName, searchFields, 'search layout', problem);
      break;
    }
    default:
      break;
  }
};

const checkApplication: Check = (project, file, problem) => {
  for (const tab of childTexts(file.root, 'tabs')) {
    if (tab.startsWith('standard-')) continue;
    if (!project.files.some((f) => f.root.name === 'CustomTab' && basename(f.path) === `${tab}.tab-meta.xml`) &&
        !project.files.some((f) => f.root.name === 'FlexiPage' && basename(f.path) === `${tab}.flexipage-meta.xml`)) {
      problem(`app tab ${tab} does not exist`);
    }
  }
};

const checkTab: Check = (project, file, problem) => {
  const name = basename(file.path).replace('.tab-meta.xml', '');
  if (childText(file.root, 'customObject') === 'true' && !project.objects.has(name)) problem(`tab for object ${name}, which does not exist`);
  const page = childText(file.root, 'flexiPage');
  if (page && !project.files.some((f) => f.root.name === 'FlexiPage' && basename(f.path) === `${page}.flexipage-meta.xml`)) {
    problem(`tab names Lightning page ${page}, which does not exist`);
  }
};

const checkCustomMetadataRecord: Check = (project, file, problem) => {
  const type = `${basename(file.path).split('.')[0]}__mdt`;
  const object = project.objects.get(type);
  if (!object) {
    problem(`record of custom metadata type ${type}, which does not exist`);
    return;
  }
  for (const value of childrenNamed(file.root, 'values')) {
    const field = childText(value, 'field') ?? '';
    if (!object.fields.has(field)) problem(`value for field ${type}.${field}, which does not exist`);
  }
};

const checkFlexiPage: Check = (project, file, problem) => {
  const sobject = childText(file.root, 'sobjectType');
  for (const name of descendantsNamed(file.root, 'componentName').map((n) => n.text ?? '')) {
    if (!name.startsWith('c:')) continue;
    const bundle = name.slice(2);
    const meta = project.lwcBundles.get(bundle);
    if (!meta) problem(`component ${name} does not exist in lwc/`);
    else if (childText(meta.root, 'isExposed') !== 'true') problem(`component ${name} is not exposed (isExposed)`);
    else {
      const target = PAGE_TARGETS[childText(file.root, 'type') ?? ''];
      const targets = descendantsNamed(meta.root, 'target').map((t) => t.text ?? '');
      if (target && !targets.includes(target)) problem(`component ${name} cannot be placed on a ${childText(file.root, 'type')} (its targets lack ${target})`);
    }
  }
  for (const item of descendantsNamed(file.root, 'fieldItem').map((n) => n.text ?? '')) {
    const [, field] = item.split('.');
    if (sobject && field) checkFieldList(project, sobject, [field], 'field item', problem);
  }
};

/** Custom objects (not settings) each need a tab, and the app needs every tab. */
function checkNavigation(project: Project, problems: Problem[]): void {
  const apps = filesOfType(project, 'CustomApplication');
  for (const object of project.objects.values()) {
    if (!object.custom || object.isCustomMetadata || !object.file) continue;
    const tab = project.files.find((f) => f.root.name === 'CustomTab' && basename(f.path) === `${object.name}.tab-meta.xml`);
    if (!tab) problems.push({ file: object.file, message: `object ${object.name} has no tab (tabs/${object.name}.tab-meta.xml)` });
    for (const app of apps) {
      if (!childTexts(app.root, 'tabs').includes(object.name)) problems.push({ file: app.path, message: `app does not include the tab of ${object.name}` });
    }
  }
}

/** `@salesforce/label/c.X`, `@salesforce/customPermission/X` and `@salesforce/schema/Object.Field` imports in component sources. */
function checkComponentImports(project: Project, problems: Problem[]): void {
  for (const [path, source] of project.componentSources) {
    if (path.endsWith('.js') && project.componentSources.has(path.replace(/\.js$/, '.ts'))) continue; // compiled output
    for (const match of source.matchAll(/['"]@salesforce\/label\/c\.([A-Za-z0-9_]+)['"]/g)) {
      if (!project.labels.has(match[1])) problems.push({ file: path, message: `imports custom label ${match[1]}, which does not exist` });
    }
    for (const match of source.matchAll(/['"]@salesforce\/customPermission\/([A-Za-z0-9_]+)['"]/g)) {
      if (!hasCustomPermission(project, match[1])) problems.push({ file: path, message: `imports custom permission ${match[1]}, which does not exist` });
    }
    for (const match of source.matchAll(/['"]@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?['"]/g)) {
      const [, objectName, fieldPath] = match;
      if (!project.objects.has(objectName)) problems.push({ file: path, message: `imports schema object ${objectName}, which does not exist` });
      else if (fieldPath) {
        const resolved = resolveField(project, objectName, fieldPath);
        if (!resolved.ok) problems.push({ file: path, message: `imports schema field ${objectName}.${fieldPath}: ${resolved.reason}` });
      }
    }
  }
}

const CHECKS: Record<string, Check> = {
  PermissionSet: checkPermissionSet,
  Layout: checkLayout,
  ListView: checkObjectChild,
  CompactLayout: checkObjectChild,
  ValidationRule: checkObjectChild,
  CustomField: checkObjectChild,
  CustomObject: checkObjectChild,
  CustomApplication: checkApplication,
  CustomTab: checkTab,
  CustomMetadata: checkCustomMetadataRecord,
  FlexiPage: checkFlexiPage
};

export function checkReferences(project: Project, extraChecks: Record<string, Check> = {}): Problem[] {
  const problems: Problem[] = [];
  for (const file of project.files) {
    const check = extraChecks[file.root.name] ?? CHECKS[file.root.name];
    check?.(project, file, (message) => problems.push({ file: file.path, message }));
  }
  checkNavigation(project, problems);
  checkComponentImports(project, problems);
  return problems;
}

export type { Check };
