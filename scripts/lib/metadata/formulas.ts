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

export type ExpandedFormula = {
  /** Object.Field */
  name: string;
  source: number;
  /** Characters once every referenced formula field is written out in place, as the platform compiles it. */
  expanded: number;
  /** Formula fields this one pulls in, directly or through others. */
  references: string[];
  /** Calls of functions known to compile to many times their length, counted in the expanded text. */
  costly: Record<string, number>;
};

/**
 * Our budget for a formula with its referenced formula fields written out: the platform allows
 * 5,000 bytes compiled, and functions such as TODAY() date arithmetic compile to several times
 * their length, so the largest chain keeps well under that in source (see bench/RESULTS.md).
 */
export const EXPANDED_FORMULA_BUDGET = 3200;

const COSTLY = ['TODAY', 'DATE', 'DATEVALUE', 'DATETIMEVALUE', 'TEXT'];

/**
 * Each formula field's size with the formula fields it references written out in place. The
 * platform's 5,000-byte compiled limit counts them that way; only a deployment measures the real
 * compiled size, so this is the part we can keep small offline.
 */
export function expandedFormulas(project: Project): ExpandedFormula[] {
  const byName = new Map<string, { object: string; field: string; formula: string }>();
  for (const source of formulasOf(project).filter((s) => s.kind === 'formula')) {
    const field = source.file.split('/').pop()?.replace('.field-meta.xml', '') ?? '';
    byName.set(`${source.object}.${field}`, { object: source.object, field, formula: source.formula });
  }
  const memo = new Map<string, { text: string; references: Set<string> }>();
  const expand = (name: string, stack: string[]): { text: string; references: Set<string> } => {
    const known = memo.get(name);
    if (known) return known;
    const entry = byName.get(name);
    if (!entry) return { text: '', references: new Set() };
    if (stack.includes(name)) throw new Error(`formula fields reference each other in a loop: ${[...stack, name].join(' → ')}`);
    let text = entry.formula;
    const references = new Set<string>();
    for (const identifier of new Set(formulon.extract(entry.formula))) {
      const referenced = `${entry.object}.${identifier}`;
      if (!byName.has(referenced)) continue;
      const inner = expand(referenced, [...stack, name]);
      references.add(referenced);
      for (const r of inner.references) references.add(r);
      text = text.replace(new RegExp(`(?<![\\w.$])${identifier.replace(/\$/g, '\\$')}(?![\\w])`, 'g'), `(${inner.text})`);
    }
    const result = { text, references };
    memo.set(name, result);
    return result;
  };
  return [...byName.keys()].map((name) => {
    const { text, references } = expand(name, []);
    const costly = Object.fromEntries(COSTLY.map((fn) => [fn, (text.match(new RegExp(`(?<![\\w.])${fn}\\s*\\(`, 'g')) ?? []).length]));
    return { name, source: byName.get(name)?.formula.length ?? 0, expanded: text.length, references: [...references].sort(), costly };
  });
}
