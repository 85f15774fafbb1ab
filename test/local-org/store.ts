// Records of the local org, by object, with a global id index for relationship traversal, and
// the values the platform computes on read (names, formulas, roll-up summaries).
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema.js';

export type Rec = Record<string, unknown> & { Id: string };

type Literal = { type: 'literal'; dataType: string; value: unknown; options: Record<string, unknown> };
type Formulon = { parse: (formula: string, substitutions?: Record<string, Literal>) => { type: string; value?: unknown; dataType?: string }; extract: (formula: string) => string[] };
const require = createRequire(import.meta.url);
const formulon = require('formulon') as Formulon;

type Ast = { type: string; id?: string; name?: string; arguments?: Ast[] } & Record<string, unknown>;
type Internals = { build: (f: string) => Ast; traverse: (ast: Ast) => { type: string; value?: unknown }; replace: (ast: Ast, r: Record<string, unknown>) => Ast; coerceLiteral: (l: Literal) => unknown };

/**
 * formulon parses a formula on every call, which dominates the cost of evaluating thousands of
 * plans. Its parse/evaluate steps are not exported, so the local org (test infrastructure only)
 * loads a second copy of the module with them exposed and caches each formula's syntax tree.
 */
function loadInternals(): Internals | undefined {
  try {
    const path = require.resolve('formulon');
    const copy = new Module(path) as Module & { _compile(source: string, file: string): void; paths: string[] };
    copy.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
    copy._compile(`${readFileSync(path, 'utf8')}\nexports.__internals = { build, traverse, replace, coerceLiteral };`, path);
    return (copy.exports as { __internals: Internals }).__internals;
  } catch {
    return undefined;
  }
}
const internals = loadInternals();
const asts = new Map<string, Ast>();

function withToday(ast: Ast, today: Date): Ast {
  if (ast.type === 'callExpression') {
    if (ast.id === 'today' && (ast.arguments ?? []).length === 0) return { type: 'literal', dataType: 'date', value: today, options: {} };
    return { ...ast, arguments: (ast.arguments ?? []).map((arg) => withToday(arg, today)) };
  }
  return ast;
}

const identifiersOf = new Map<string, string[]>();

const CHECK_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** An 18-character record id with the platform's case-safe suffix. */
export function makeId(prefix: string, n: number): string {
  const id15 = `${prefix}${'0'.repeat(15 - prefix.length - String(n).length)}${n}`;
  let suffix = '';
  for (let block = 0; block < 3; block += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15[block * 5 + i];
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += CHECK_CHARS[bits];
  }
  return id15 + suffix;
}

export class Store {
  /** Evaluate formulas from cached syntax trees (false: through formulon's public parse each time). */
  public static fastFormulas = true;

  public readonly tables = new Map<string, Map<string, Rec>>();
  private readonly index = new Map<string, { type: string; record: Rec }>();
  private counter = 0;
  /** Bumped on every change, so computed values and child indexes can be cached between changes. */
  private version = 0;
  private cache = new Map<string, unknown>();
  private cacheKey = '';
  private childIndex = new Map<string, Map<string, Rec[]>>();
  private childIndexVersion = -1;
  /** Today's date for formulas (TODAY()) and date literals, YYYY-MM-DD. */
  public today: string;
  /** Multi-currency: ISO code → units per one unit of the corporate currency (CurrencyType.ConversionRate). */
  public currencyRates: Record<string, number> | null = null;
  public corporateCurrency: string | null = null;

  public constructor(public readonly schema: OrgSchema, today: string) {
    this.today = today;
    for (const name of schema.objects.keys()) this.tables.set(name, new Map());
  }

  public newId(type: string): string {
    this.counter += 1;
    return makeId(this.schema.objects.get(type)?.keyPrefix ?? 'a00', this.counter);
  }

  /** Records were changed in place: forget computed values. */
  public touch(): void {
    this.version += 1;
  }

  private fresh(): void {
    const key = `${this.version}|${this.today}`;
    if (key !== this.cacheKey) {
      this.cacheKey = key;
      this.cache.clear();
    }
    if (this.childIndexVersion !== this.version) {
      this.childIndexVersion = this.version;
      this.childIndex.clear();
    }
  }

  /** Children of a parent through a lookup field, from an index rebuilt after each change. */
  public childrenOf(type: string, field: string, parentId: string): Rec[] {
    this.fresh();
    const key = `${type}.${field}`;
    let index = this.childIndex.get(key);
    if (!index) {
      index = new Map();
      for (const row of this.all(type)) {
        const parent = row[field];
        if (typeof parent !== 'string') continue;
        const list = index.get(parent);
        if (list) list.push(row);
        else index.set(parent, [row]);
      }
      this.childIndex.set(key, index);
    }
    return index.get(parentId) ?? [];
  }

  public insert(type: string, record: Rec): void {
    this.version += 1;
    this.tables.get(type)?.set(record.Id, record);
    this.index.set(record.Id.slice(0, 15), { type, record });
  }

  public remove(id: string): void {
    this.version += 1;
    const found = this.find(id);
    if (!found) return;
    this.tables.get(found.type)?.delete(found.record.Id);
    this.index.delete(id.slice(0, 15));
  }

  public find(id: string | null | undefined): { type: string; record: Rec } | undefined {
    return typeof id === 'string' && id.length >= 15 ? this.index.get(id.slice(0, 15)) : undefined;
  }

  public all(type: string): Rec[] {
    return [...(this.tables.get(type)?.values() ?? [])];
  }

  public count(type: string): number {
    return this.tables.get(type)?.size ?? 0;
  }

  /** A field's value as the platform returns it, computing calculated fields. */
  public value(object: ObjectSchema, record: Rec, field: FieldSchema, depth = 0): unknown {
    if (field.rollup || field.formula) {
      this.fresh();
      const key = `${record.Id}|${field.name}`;
      if (this.cache.has(key)) return this.cache.get(key);
      const value = field.rollup ? this.rollup(object, record, field) : depth > 5 ? null : this.formula(object, record, field, depth);
      this.cache.set(key, value);
      return value;
    }
    if (field.name === 'Name' && (object.name === 'Contact' || object.name === 'User') && record.Name === undefined) {
      return [record.FirstName, record.LastName].filter(Boolean).join(' ');
    }
    const value = record[field.name];
    return value === undefined ? null : value;
  }

  private rollup(object: ObjectSchema, record: Rec, field: FieldSchema): unknown {
    const r = field.rollup!;
    const childSchema = this.schema.objects.get(r.child);
    if (!childSchema) return null;
    const children = this.childrenOf(r.child, r.foreignKey, record.Id).filter((child) =>
      r.filters.every((filter) => {
        const value = child[filter.field];
        const type = childSchema.fields.get(filter.field)?.type;
        if (['greaterThan', 'lessThan', 'greaterOrEqual', 'lessOrEqual'].includes(filter.operation)) {
          if (value === null || value === undefined) return false;
          const [a, b] = ['double', 'currency', 'percent', 'int'].includes(type ?? '') ? [Number(value), Number(filter.value)] : [String(value), filter.value];
          return filter.operation === 'greaterThan' ? a > b : filter.operation === 'lessThan' ? a < b : filter.operation === 'greaterOrEqual' ? a >= b : a <= b;
        }
        const wanted = filter.value.split(',').map((v) => v.trim());
        const text = value === null || value === undefined ? '' : String(value);
        const matches = type === 'boolean' ? wanted.some((w) => (w === 'true' || w === '1') === Boolean(value)) : wanted.includes(text);
        if (filter.operation === 'equals' || filter.operation === 'notEqual') return filter.operation === 'notEqual' ? !matches : matches;
        throw new Error(`roll-up filter operation ${filter.operation} is not supported by the local org`);
      })
    );
    if (r.operation === 'count') return children.length;
    const summarized = r.field ? childSchema.fields.get(r.field) : undefined;
    const values = summarized ? children.map((child) => this.value(childSchema, child, summarized)).filter((v) => v !== null && v !== undefined) : [];
    if (r.operation === 'sum') return values.reduce<number>((s, v) => s + Number(v), 0);
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => (String(a) < String(b) ? -1 : 1));
    if (typeof values[0] === 'number') sorted.sort((a, b) => Number(a) - Number(b));
    return r.operation === 'min' ? sorted[0] : sorted[sorted.length - 1];
  }

  /** Evaluates a formula with formulon; TODAY() is the local org's date. */
  public evaluate(object: ObjectSchema, record: Rec, formula: string, depth = 0): { ok: boolean; value: unknown } {
    let identifiers = identifiersOf.get(formula);
    if (!identifiers) {
      identifiers = formulon.extract(formula);
      identifiersOf.set(formula, identifiers);
    }
    const substitutions: Record<string, Literal> = {};
    for (const identifier of identifiers) substitutions[identifier] = this.literal(object, record, identifier, depth);
    let result: { type: string; value?: unknown };
    if (internals && Store.fastFormulas) {
      let ast = asts.get(formula);
      if (!ast) {
        ast = internals.build(formula.trim());
        asts.set(formula, ast);
      }
      const coerced = Object.fromEntries(Object.entries(substitutions).map(([k, v]) => [k, internals.coerceLiteral(v)]));
      result = internals.traverse(internals.replace(withToday(ast, new Date(`${this.today}T00:00:00Z`)), coerced));
    } else {
      const [y, m, d] = this.today.split('-').map(Number);
      result = formulon.parse(formula.replace(/\bTODAY\(\s*\)/gi, `DATE(${y},${m},${d})`), substitutions);
    }
    if (result.type === 'error') return { ok: false, value: null };
    const value = result.value instanceof Date ? result.value.toISOString().slice(0, 10) : result.value;
    return { ok: true, value: value === undefined ? null : value };
  }

  private formula(object: ObjectSchema, record: Rec, field: FieldSchema, depth: number): unknown {
    const { ok, value } = this.evaluate(object, record, field.formula ?? '', depth + 1);
    if (!ok) return null;
    // A percent formula computes a fraction; the API returns it in percent (0.61 → 61).
    if (typeof value === 'number' && field.type === 'percent') return Number((value * 100).toFixed(field.scale ?? 2));
    if (typeof value === 'number' && field.scale !== undefined) return Number(value.toFixed(field.scale));
    return value;
  }

  private literal(object: ObjectSchema, record: Rec, identifier: string, depth: number): Literal {
    if (identifier.startsWith('$CustomMetadata.')) {
      const [, type, developerName, fieldName] = identifier.split('.');
      const settings = this.schema.objects.get(this.schema.api(type));
      const row = this.all(this.schema.api(type)).find((r) => r.DeveloperName === developerName);
      const field = settings?.fields.get(this.schema.api(fieldName));
      return toLiteral(field, row && field ? row[field.name] : null);
    }
    // Relationship paths: Plan__r.Period_End__c
    let currentObject: ObjectSchema | undefined = object;
    let current: Rec | undefined = record;
    const parts = identifier.split('.');
    for (const part of parts.slice(0, -1)) {
      const lookup: FieldSchema | undefined = currentObject?.fields.get(this.schema.api(part.replace(/__r$/, '__c')));
      const parent: { type: string; record: Rec } | undefined = lookup && current ? this.find(current[lookup.name] as string) : undefined;
      currentObject = parent ? this.schema.objects.get(parent.type) : undefined;
      current = parent?.record;
    }
    const field = currentObject?.fields.get(this.schema.api(parts[parts.length - 1]));
    const value = field && current && currentObject ? this.value(currentObject, current, field, depth) : null;
    return toLiteral(field, value);
  }
}

function toLiteral(field: FieldSchema | undefined, value: unknown): Literal {
  const blank = value === null || value === undefined || value === '';
  switch (field?.type) {
    case 'boolean':
      return { type: 'literal', dataType: 'checkbox', value: value === true || value === 'true', options: {} };
    case 'percent':
      // Formulas see a percent field as a fraction: 35% is 0.35.
      return { type: 'literal', dataType: 'number', value: blank ? null : Number(value) / 100, options: { length: 18, scale: (field.scale ?? 2) + 2 } };
    case 'double':
    case 'int':
    case 'currency':
      return { type: 'literal', dataType: 'number', value: blank ? null : Number(value), options: { length: 18, scale: field.scale ?? 2 } };
    case 'date':
      return { type: 'literal', dataType: 'date', value: blank ? null : new Date(`${String(value).slice(0, 10)}T00:00:00Z`), options: {} };
    case 'datetime':
      return { type: 'literal', dataType: 'datetime', value: blank ? null : new Date(String(value)), options: {} };
    case 'picklist':
      return { type: 'literal', dataType: 'picklist', value: blank ? null : String(value), options: { values: field.picklistValues ?? [] } };
    case 'multipicklist':
      return { type: 'literal', dataType: 'multipicklist', value: blank ? [] : String(value).split(';'), options: { values: field.picklistValues ?? [] } };
    default:
      return { type: 'literal', dataType: 'text', value: blank ? null : String(value), options: { length: field?.length ?? 255 } };
  }
}
