// Validates each metadata document against Salesforce's metadata WSDL for the project's
// sourceApiVersion (schemas/metadata-<version>.wsdl): the document's type is the one
// source-deploy-retrieve gives the file (a fields/*.field-meta.xml is a CustomField, an
// objects/X/X.object-meta.xml a CustomObject without its decomposed children), and within it
// every element must be one the type declares, in the type's sequence order, no more often than
// maxOccurs, with every minOccurs=1 element present; simple values must fit their type (boolean,
// int, double, date, enumerations, patterns). Deploy-time field rules the WSDL does not express
// follow in checkCustomField.
import type { MetadataFile, Problem } from './project.js';
import { childText, type XmlNode } from './xml.js';
import { FIELD_TYPES, FORMULA_RETURN_TYPES } from './standard-objects.js';
import type { MetadataSchema, WsdlElement } from './wsdl.js';

// Elements whose source-format content is XML the WSDL types as an opaque value: a bundle's
// js-meta.xml travels inside the bundle (targetConfigs is base64Binary in the WSDL) and a custom
// metadata value is xsd:anyType with an xsi:type of its own.
const FREE_FORM = new Set(['xsd:anyType', 'xsd:base64Binary']);

// js-meta.xml is read by the LWC bundle deployer, not deserialised through the WSDL sequence, so
// its element order is free (the platform's own samples put masterLabel before description).
const ORDER_FREE_TYPES = new Set(['LightningComponentBundle']);

const XSD_CHECKS: Record<string, { test: (text: string) => boolean; what: string }> = {
  'xsd:boolean': { test: (t) => t === 'true' || t === 'false', what: 'true or false' },
  'xsd:int': { test: (t) => /^[-+]?\d+$/.test(t) && Math.abs(Number(t)) <= 2147483647, what: 'an integer (xsd:int)' },
  'xsd:long': { test: (t) => /^[-+]?\d+$/.test(t), what: 'an integer (xsd:long)' },
  'xsd:double': { test: (t) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$|^(INF|-INF|NaN)$/.test(t), what: 'a number (xsd:double)' },
  'xsd:date': { test: (t) => /^\d{4}-\d{2}-\d{2}$/.test(t), what: 'a date YYYY-MM-DD' },
  'xsd:dateTime': { test: (t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[-+]\d{2}:\d{2})?$/.test(t), what: 'a date-time' },
  'xsd:time': { test: (t) => /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[-+]\d{2}:\d{2})?$/.test(t), what: 'a time' }
};

function checkValue(schema: MetadataSchema, type: string, node: XmlNode, where: string, problems: string[]): void {
  if (node.children.length > 0) {
    problems.push(`${where}: <${node.name}> must hold a ${type.replace(/^xsd:/, '')} value, not child elements`);
    return;
  }
  const text = node.text ?? '';
  const simple = schema.simpleTypes.get(type);
  if (simple) {
    if (simple.enumeration && !simple.enumeration.has(text)) {
      problems.push(`${where}: "${text}" is not a value of ${type} (${[...simple.enumeration].slice(0, 12).join(', ')}${simple.enumeration.size > 12 ? ', …' : ''})`);
    } else if (simple.pattern && !simple.pattern.test(text)) {
      problems.push(`${where}: "${text}" does not match the pattern of ${type}`);
    }
    return;
  }
  const check = XSD_CHECKS[type];
  if (check && !check.test(text)) {
    problems.push(`${where}: <${node.name}> must be ${check.what}, found "${text}"`);
  }
}

function validateElement(schema: MetadataSchema, node: XmlNode, typeName: string, where: string, problems: string[]): void {
  const elements = schema.elementsOf(typeName);
  if (!elements) return;
  const byName = new Map<string, { element: WsdlElement; index: number }>(elements.map((element, index) => [element.name, { element, index }]));
  const counts = new Map<string, number>();
  let last: { name: string; index: number } | undefined;
  for (const child of node.children) {
    const declared = byName.get(child.name);
    if (!declared) {
      problems.push(`${where}: unknown element <${child.name}> in ${typeName}`);
      continue;
    }
    const { element, index } = declared;
    const count = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, count);
    if (count === element.maxOccurs + 1) {
      problems.push(`${where}: <${child.name}> may appear only ${element.maxOccurs === 1 ? 'once' : `${element.maxOccurs} times`} in ${typeName}`);
    }
    if (last && index < last.index && !ORDER_FREE_TYPES.has(typeName)) {
      problems.push(`${where}: <${child.name}> is out of order in ${typeName}: the schema's sequence puts it before <${last.name}>`);
    }
    if (!last || index >= last.index) last = { name: child.name, index };
    const path = `${where}/${child.name}`;
    if (child.attributes['xsi:nil'] === 'true' && element.nillable) continue;
    if (FREE_FORM.has(element.type)) continue;
    if (schema.complexTypes.has(element.type)) validateElement(schema, child, element.type, path, problems);
    else checkValue(schema, element.type, child, path, problems);
  }
  for (const element of elements) {
    if (element.minOccurs > 0 && !counts.has(element.name)) {
      problems.push(`${where}: required element <${element.name}> missing in ${typeName}`);
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

/**
 * `types` maps each file to the metadata type source-deploy-retrieve resolves it to; a file it
 * does not resolve is validated as its root element's type.
 */
export function checkSchema(files: MetadataFile[], schema: MetadataSchema, types: Map<string, string> = new Map()): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const typeName = types.get(file.path) ?? file.root.name;
    if (file.root.name !== typeName) {
      problems.push({ file: file.path, message: `the root element is <${file.root.name}>, but a file here is a ${typeName}` });
      continue;
    }
    if (!schema.complexTypes.has(typeName)) {
      problems.push({ file: file.path, message: `<${typeName}> is not a type of the Metadata API ${schema.version} schema` });
      continue;
    }
    const messages: string[] = [];
    validateElement(schema, file.root, typeName, typeName, messages);
    if (typeName === 'CustomField') messages.push(...checkCustomField(file.root, file.path.includes('__mdt/')));
    for (const message of messages) problems.push({ file: file.path, message });
  }
  return problems;
}
