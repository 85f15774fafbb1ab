// Validates each metadata document against the Metadata API type definitions that jsforce ships
// (every type's elements and their kinds): unknown elements, elements repeated where the type
// allows one, missing required elements, booleans and numbers that are not, and the field types
// and field shapes the platform would refuse at deploy time.
import { createRequire } from 'node:module';
import type { MetadataFile, Problem } from './project.js';
import { childText, type XmlNode } from './xml.js';
import { FIELD_TYPES, FORMULA_RETURN_TYPES } from './standard-objects.js';

type PropKind = string | [string];
type TypeDefinition = { type: string; props: Record<string, PropKind>; extends?: string };

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('jsforce/lib/api/metadata/schema.js') as { ApiSchemas: Record<string, TypeDefinition> };

// jsforce's FlexiPage definitions predate API 47, where regions hold itemInstances (a component or
// a field) instead of componentInstances; these are the current elements.
ApiSchemas.FlexiPageRegion = { ...ApiSchemas.FlexiPageRegion, props: { ...ApiSchemas.FlexiPageRegion.props, itemInstances: ['ItemInstance'] } };
ApiSchemas.ItemInstance = { type: 'ItemInstance', props: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' } };
ApiSchemas.ComponentInstance = { ...ApiSchemas.ComponentInstance, props: { ...ApiSchemas.ComponentInstance.props, identifier: '?string' } };
ApiSchemas.FieldInstance ??= { type: 'FieldInstance', props: { fieldInstanceProperties: ['FieldInstanceProperty'], fieldItem: 'string', identifier: '?string', visibilityRule: '?UiFormulaRule' } };
ApiSchemas.FieldInstanceProperty ??= { type: 'FieldInstanceProperty', props: { name: 'string', value: '?string' } };

// Elements whose content the jsforce definitions describe too loosely to check (free-form XML).
const FREE_FORM: Record<string, Set<string>> = {
  LightningComponentBundle: new Set(['targetConfigs']),
  CustomMetadataValue: new Set(['value'])
};

const PRIMITIVES = new Set(['string', 'boolean', 'number', 'any']);

function propsOf(typeName: string): Record<string, PropKind> | undefined {
  const props: Record<string, PropKind> = {};
  let current: TypeDefinition | undefined = ApiSchemas[typeName];
  if (!current) return undefined;
  while (current) {
    Object.assign(props, current.props);
    current = current.extends ? ApiSchemas[current.extends] : undefined;
  }
  return props;
}

function checkPrimitive(kind: string, node: XmlNode, where: string): string | undefined {
  if (kind === 'any') return undefined;
  if (node.children.length > 0) return `${where}: <${node.name}> must hold a ${kind} value, not child elements`;
  const text = node.text ?? '';
  if (kind === 'boolean' && text !== 'true' && text !== 'false') {
    return `${where}: <${node.name}> must be true or false, found "${text}"`;
  }
  if (kind === 'number' && (text === '' || !Number.isFinite(Number(text)))) {
    return `${where}: <${node.name}> must be a number, found "${text}"`;
  }
  return undefined;
}

function validateElement(node: XmlNode, typeName: string, where: string, problems: string[]): void {
  const props = propsOf(typeName);
  if (!props) return;
  const seen = new Map<string, number>();
  for (const child of node.children) {
    const kind = props[child.name];
    const path = `${where}/${child.name}`;
    if (kind === undefined) {
      problems.push(`${where}: unknown element <${child.name}> in ${typeName}`);
      continue;
    }
    seen.set(child.name, (seen.get(child.name) ?? 0) + 1);
    if (FREE_FORM[typeName]?.has(child.name)) continue;
    const isArray = Array.isArray(kind);
    const elementType = (isArray ? kind[0] : kind).replace(/^\?/, '');
    if (!isArray && (seen.get(child.name) ?? 0) === 2) {
      problems.push(`${where}: <${child.name}> may appear only once in ${typeName}`);
    }
    if (PRIMITIVES.has(elementType)) {
      const problem = checkPrimitive(elementType, child, path);
      if (problem) problems.push(problem);
    } else {
      validateElement(child, elementType, path, problems);
    }
  }
  for (const [name, kind] of Object.entries(props)) {
    const required = typeof kind === 'string' && !kind.startsWith('?');
    if (required && !seen.has(name) && name !== 'fullName') {
      problems.push(`${where}: required element <${name}> missing in ${typeName}`);
    }
  }
}

/** Deploy-time rules for custom fields that the type definitions do not express. */
function checkCustomField(root: XmlNode, objectIsMetadataType: boolean): string[] {
  const problems: string[] = [];
  const type = childText(root, 'type');
  const has = (name: string): boolean => root.children.some((child) => child.name === name);
  const name = childText(root, 'fullName') ?? '';
  if (!type) return [`field ${name}: <type> missing`];
  if (!FIELD_TYPES.has(type)) return [`field ${name}: unknown field type "${type}"`];
  const needs = (elements: string[]): void => {
    for (const element of elements) if (!has(element)) problems.push(`field ${name}: a ${type} field needs <${element}>`);
  };
  if (has('formula')) {
    if (!FORMULA_RETURN_TYPES.has(type)) problems.push(`field ${name}: a formula cannot return ${type}`);
    if (['Number', 'Currency', 'Percent'].includes(type)) needs(['precision', 'scale']);
  } else {
    if (type === 'Text' || type === 'EncryptedText') needs(['length']);
    if (type === 'LongTextArea' || type === 'Html') needs(['length', 'visibleLines']);
    if (type === 'MultiselectPicklist') needs(['visibleLines', 'valueSet']);
    if (type === 'Picklist') needs(['valueSet']);
    if (['Number', 'Currency', 'Percent'].includes(type)) needs(['precision', 'scale']);
    if (type === 'Lookup' || type === 'MasterDetail') needs(['referenceTo', 'relationshipName']);
    if (type === 'Summary') needs(['summaryOperation', 'summaryForeignKey']);
  }
  if (!has('description')) problems.push(`field ${name}: every field needs a <description> for admins`);
  if (!has('inlineHelpText') && !objectIsMetadataType) problems.push(`field ${name}: every field needs <inlineHelpText> for users`);
  if (objectIsMetadataType && !has('inlineHelpText')) problems.push(`field ${name}: every setting needs <inlineHelpText> for admins`);
  if (type === 'Picklist' || type === 'MultiselectPicklist') {
    const valueSet = root.children.find((child) => child.name === 'valueSet');
    if (valueSet && childText(valueSet, 'restricted') !== 'true' && !has('formula')) {
      problems.push(`field ${name}: picklists must be restricted (<restricted>true</restricted> in <valueSet>)`);
    }
  }
  return problems;
}

export function checkSchema(files: MetadataFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const typeName = file.root.name;
    if (!ApiSchemas[typeName]) {
      problems.push({ file: file.path, message: `<${typeName}> is not a Metadata API type` });
      continue;
    }
    const messages: string[] = [];
    validateElement(file.root, typeName, typeName, messages);
    if (typeName === 'CustomField') messages.push(...checkCustomField(file.root, file.path.includes('__mdt/')));
    for (const message of messages) problems.push({ file: file.path, message });
  }
  return problems;
}
