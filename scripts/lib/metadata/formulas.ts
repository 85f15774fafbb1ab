// Every formula field, default-value formula and validation rule must parse with the formulon
// formula engine, name only fields that exist, fit the platform's size limit and evaluate to the
// type it declares when fed typical values.
import { createRequire } from 'node:module';
import { childText, filesOfType, objectOf, type FieldModel, type Problem, type Project } from './project.js';
import { checkIdentifier, resolveField } from './references.js';

export const FORMULA_SOURCE_LIMIT = 3900;

type Literal = { type: 'literal'; dataType: string; value: unknown; options: Record<string, unknown> };
type FormulonResult = Literal | { type: 'error'; errorType: string; message: string };
type Formulon = {
  parse: (formula: string, substitutions?: Record<string, Literal>) => FormulonResult;
  extract: (formula: string) => string[];
  ast: (formula: string) => { type: string; message?: string };
};

const require = createRequire(import.meta.url);
export const formulon = require('formulon') as Formulon;

/** The formulon data type a field (or a formula field's return type) evaluates as. */
export function formulonType(field: FieldModel): string {
  switch (field.type) {
    case 'Checkbox':
      return 'checkbox';
    case 'Number':
    case 'Currency':
    case 'Percent':
      return 'number';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Time':
      return 'time';
    case 'Picklist':
      return 'picklist';
    case 'MultiselectPicklist':
      return 'multipicklist';
    case 'Summary': {
      const operation = field.node ? childText(field.node, 'summaryOperation') : undefined;
      return operation === 'count' || operation === 'sum' ? 'number' : 'summary';
    }
    default:
      return 'text';
  }
}

/** A typical (non-blank) value of a field, for checking that a formula evaluates. */
export function sampleLiteral(project: Project, field: FieldModel): Literal {
  let dataType = formulonType(field);
  if (dataType === 'summary') {
    // MIN/MAX roll-ups take the type of the field they summarise.
    const summarized = field.node ? childText(field.node, 'summarizedField') ?? '' : '';
    const [object, name] = summarized.split('.');
    const target = resolveField(project, object, name ?? '');
    dataType = target.ok ? formulonType(target.field) : 'number';
  }
  switch (dataType) {
    case 'checkbox':
      return { type: 'literal', dataType, value: true, options: {} };
    case 'number':
      return { type: 'literal', dataType, value: 3, options: { length: 16, scale: 2 } };
    case 'date':
    case 'datetime':
      return { type: 'literal', dataType, value: new Date(Date.UTC(2026, 0, 15)), options: {} };
    case 'time':
      return { type: 'literal', dataType, value: new Date(Date.UTC(1970, 0, 1, 9)), options: {} };
    case 'picklist':
      return { type: 'literal', dataType, value: field.picklistValues[0] ?? 'A', options: { values: field.picklistValues } };
    case 'multipicklist':
      return { type: 'literal', dataType, value: field.picklistValues.slice(0, 1), options: { values: field.picklistValues } };
    default:
      return { type: 'literal', dataType: 'text', value: 'Sample', options: { length: 255 } };
  }
}

function customMetadataValue(project: Project, reference: string): Literal {
  const [, type, record, fieldName] = reference.split('.');
  const file = project.files.find((f) => f.root.name === 'CustomMetadata' && f.path.endsWith(`/${type.replace(/__mdt$/, '')}.${record}.md-meta.xml`));
  const value = file?.root.children
    .filter((c) => c.name === 'values')
    .find((v) => childText(v, 'field') === fieldName);
  const text = value ? childText(value, 'value') : undefined;
  const field = project.objects.get(type)?.fields.get(fieldName);
  const literal = field ? sampleLiteral(project, field) : sampleLiteral(project, { name: fieldName, type: 'Number', required: false, picklistValues: [] });
  if (text !== undefined && literal.dataType === 'number') literal.value = Number(text);
  return literal;
}

/** Substitutions for every identifier a formula names, resolved from an object. */
export function sampleInputs(project: Project, objectName: string, identifiers: string[]): Record<string, Literal> {
  const inputs: Record<string, Literal> = {};
  for (const identifier of identifiers) {
    if (identifier.startsWith('$CustomMetadata.')) {
      inputs[identifier] = customMetadataValue(project, identifier);
      continue;
    }
    const resolved = identifier.startsWith('$User.')
      ? resolveField(project, 'User', identifier.slice('$User.'.length))
      : resolveField(project, objectName, identifier);
    const field = resolved.ok ? resolved.field : undefined;
    inputs[identifier] = field ? sampleLiteral(project, field) : { type: 'literal', dataType: 'text', value: 'Sample', options: { length: 255 } };
  }
  return inputs;
}

const EXPECTED_TYPE: Record<string, string> = {
  Checkbox: 'checkbox',
  Number: 'number',
  Currency: 'number',
  Percent: 'number',
  Date: 'date',
  DateTime: 'datetime',
  Text: 'text',
  Time: 'time'
};

type FormulaSource = { file: string; object: string; kind: string; formula: string; returns?: string };

export function formulasOf(project: Project): FormulaSource[] {
  const sources: FormulaSource[] = [];
  for (const file of filesOfType(project, 'CustomField')) {
    const object = objectOf(file) ?? '';
    const formula = childText(file.root, 'formula');
    if (formula) sources.push({ file: file.path, object, kind: 'formula', formula, returns: childText(file.root, 'type') });
    const defaultValue = childText(file.root, 'defaultValue');
    if (defaultValue && /[A-Za-z_$][\w.]*__(c|mdt)\b|\(/.test(defaultValue)) {
      sources.push({ file: file.path, object, kind: 'default value', formula: defaultValue });
    }
  }
  for (const file of filesOfType(project, 'ValidationRule')) {
    const formula = childText(file.root, 'errorConditionFormula') ?? '';
    sources.push({ file: file.path, object: objectOf(file) ?? '', kind: 'validation rule', formula, returns: 'Checkbox' });
  }
  return sources;
}

export type FormulaSize = { file: string; length: number };

export function checkFormulas(project: Project): { problems: Problem[]; sizes: FormulaSize[] } {
  const problems: Problem[] = [];
  const sizes: FormulaSize[] = [];
  for (const source of formulasOf(project)) {
    const problem = (message: string): void => {
      problems.push({ file: source.file, message: `${source.kind}: ${message}` });
    };
    sizes.push({ file: source.file, length: source.formula.length });
    if (source.formula.length > FORMULA_SOURCE_LIMIT) problem(`${source.formula.length} characters, over the platform limit of ${FORMULA_SOURCE_LIMIT}`);
    const tree = formulon.ast(source.formula);
    if (tree.type === 'error') {
      problem(`does not parse: ${tree.message ?? 'syntax error'}`);
      continue;
    }
    const identifiers = formulon.extract(source.formula);
    const unresolved = identifiers
      .map((identifier) => ({ identifier, reason: checkIdentifier(project, source.object, identifier) }))
      .filter((entry) => entry.reason !== undefined);
    for (const { identifier, reason } of unresolved) problem(`names ${identifier}: ${reason}`);
    if (unresolved.length > 0) continue;
    const result = formulon.parse(source.formula, sampleInputs(project, source.object, identifiers));
    if (result.type === 'error') {
      problem(`does not evaluate: ${result.message}`);
      continue;
    }
    const expected = source.returns ? EXPECTED_TYPE[source.returns] : undefined;
    if (expected && result.dataType !== expected && result.dataType !== 'null') {
      problem(`evaluates to ${result.dataType}, but the field is ${source.returns}`);
    }
  }
  sizes.sort((a, b) => b.length - a.length);
  return { problems, sizes };
}
