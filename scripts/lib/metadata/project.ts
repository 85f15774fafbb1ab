// Loads a Salesforce DX source tree into a model the checks share: every metadata file parsed
// once, and every object with its fields (custom ones from force-app, standard ones from the
// list of standard objects).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { childText, childrenNamed, childTexts, descendantsNamed, parseXml, type XmlNode } from './xml.js';
import { CUSTOM_METADATA_STANDARD_FIELDS, CUSTOM_OBJECT_STANDARD_FIELDS, STANDARD_OBJECT_FIELDS } from './standard-objects.js';

export type Problem = { file: string; message: string };

export type MetadataFile = {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  root: XmlNode;
};

export type FieldModel = {
  name: string;
  /** Metadata FieldType, or 'Standard' for platform-defined fields. */
  type: string;
  file?: string;
  node?: XmlNode;
  referenceTo?: string;
  relationshipName?: string;
  required: boolean;
  formula?: string;
  picklistValues: string[];
};

export type ObjectModel = {
  name: string;
  custom: boolean;
  isCustomMetadata: boolean;
  fields: Map<string, FieldModel>;
  file?: string;
};

export type Project = {
  root: string;
  sourceDir: string;
  files: MetadataFile[];
  problems: Problem[];
  objects: Map<string, ObjectModel>;
  /** `Type.Record` names of custom metadata records. */
  customMetadataRecords: Set<string>;
  labels: Set<string>;
  lwcBundles: Map<string, MetadataFile>;
  /** Other source files (LWC JavaScript/TypeScript/HTML) by relative path. */
  componentSources: Map<string, string>;
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === 'node_modules' || name === '__tests__') return [];
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const posix = (path: string): string => path.split(sep).join('/');

function picklistValues(field: XmlNode): string[] {
  const valueSet = childrenNamed(field, 'valueSet')[0];
  if (!valueSet) return [];
  return descendantsNamed(valueSet, 'value').map((value) => childText(value, 'fullName') ?? '');
}

function fieldModel(node: XmlNode, file: string): FieldModel {
  const name = childText(node, 'fullName') ?? basename(file).replace('.field-meta.xml', '');
  return {
    name,
    type: childText(node, 'type') ?? '',
    file,
    node,
    referenceTo: childText(node, 'referenceTo'),
    relationshipName: childText(node, 'relationshipName'),
    required: childText(node, 'required') === 'true' || childText(node, 'type') === 'MasterDetail',
    formula: childText(node, 'formula'),
    picklistValues: picklistValues(node)
  };
}

function standardField(name: string): FieldModel {
  const referenceTo = name === 'OwnerId' || name.endsWith('ById') || name === 'ManagerId' || name === 'AssigneeId'
    ? 'User'
    : name === 'AccountId' || name === 'ParentId'
      ? 'Account'
      : name === 'ReportsToId'
        ? 'Contact'
        : undefined;
  return { name, type: 'Standard', required: false, picklistValues: [], referenceTo };
}

function ensureObject(objects: Map<string, ObjectModel>, name: string): ObjectModel {
  let object = objects.get(name);
  if (!object) {
    const custom = name.endsWith('__c') || name.endsWith('__mdt');
    const isCustomMetadata = name.endsWith('__mdt');
    const standardNames = isCustomMetadata
      ? CUSTOM_METADATA_STANDARD_FIELDS
      : custom
        ? CUSTOM_OBJECT_STANDARD_FIELDS
        : (STANDARD_OBJECT_FIELDS[name] ?? []);
    object = { name, custom, isCustomMetadata, fields: new Map(standardNames.map((f) => [f, standardField(f)])) };
    objects.set(name, object);
  }
  return object;
}

/** Reads every `*-meta.xml` under the package directory; unparsable files become problems. */
export function loadProject(root: string, sourceDir = 'force-app'): Project {
  const project: Project = {
    root,
    sourceDir,
    files: [],
    problems: [],
    objects: new Map(),
    customMetadataRecords: new Set(),
    labels: new Set(),
    lwcBundles: new Map(),
    componentSources: new Map()
  };
  for (const name of Object.keys(STANDARD_OBJECT_FIELDS)) ensureObject(project.objects, name);

  for (const absolute of walk(join(root, sourceDir))) {
    const path = posix(relative(root, absolute));
    if (!path.endsWith('-meta.xml')) {
      if (path.includes('/lwc/') && /\.(ts|js|html)$/.test(path) && !path.endsWith('.d.ts')) {
        project.componentSources.set(path, readFileSync(absolute, 'utf8'));
      }
      continue;
    }
    const parsed = parseXml(readFileSync(absolute, 'utf8'));
    if (!parsed.ok) {
      project.problems.push({ file: path, message: parsed.message });
      continue;
    }
    const file: MetadataFile = { path, root: parsed.root };
    project.files.push(file);
    indexFile(project, file);
  }
  return project;
}

function indexFile(project: Project, file: MetadataFile): void {
  const parts = file.path.split('/');
  const objectsAt = parts.indexOf('objects');
  switch (file.root.name) {
    case 'CustomObject': {
      const object = ensureObject(project.objects, parts[objectsAt + 1]);
      object.file = file.path;
      break;
    }
    case 'CustomField': {
      const object = ensureObject(project.objects, parts[objectsAt + 1]);
      const field = fieldModel(file.root, file.path);
      object.fields.set(field.name, field);
      break;
    }
    case 'CustomMetadata': {
      // customMetadata/Type.Record.md-meta.xml
      const [type, record] = basename(file.path).replace('.md-meta.xml', '').split('.');
      project.customMetadataRecords.add(`${type}__mdt.${record}`);
      break;
    }
    case 'CustomLabels':
      for (const label of childrenNamed(file.root, 'labels')) project.labels.add(childText(label, 'fullName') ?? '');
      break;
    case 'LightningComponentBundle':
      project.lwcBundles.set(parts[parts.length - 2], file);
      break;
    default:
      break;
  }
}

/** The object a metadata file inside `objects/<Object>/...` belongs to. */
export function objectOf(file: MetadataFile): string | undefined {
  const parts = file.path.split('/');
  const at = parts.indexOf('objects');
  return at >= 0 ? parts[at + 1] : undefined;
}

export function filesOfType(project: Project, type: string): MetadataFile[] {
  return project.files.filter((file) => file.root.name === type);
}

export { childText, childrenNamed, childTexts, descendantsNamed };
