// SOQL for the local org, parsed with a real SOQL parser. It answers the subset the CLI and
// `sf data query` use and refuses the rest with the platform's error shape; it never guesses.
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema, ObjectSchema } from './schema.js';
import type { Rec, Store } from './store.js';

export class SoqlError extends Error {
  public constructor(public readonly errorCode: string, message: string) {
    super(message);
  }
}

type AnyNode = Record<string, unknown>;
type Condition = { field?: string; fn?: AnyNode; operator: string; literalType?: string | string[]; value?: string | string[]; dateLiteralVariable?: number | number[]; valueQuery?: unknown };
type Token = { kind: 'open' | 'close' | 'and' | 'or' | 'not' } | { kind: 'cond'; cond: Condition };

export type SelectItem =
  | { kind: 'field'; path: string[]; key: string }
  | { kind: 'subquery'; relationship: string; query: ParsedQuery }
  | { kind: 'aggregate'; fn: string; path: string[] | null; alias: string };

export type ParsedQuery = {
  object: ObjectSchema;
  select: SelectItem[];
  where?: (record: Rec) => boolean;
  groupBy: string[][];
  /** fn: ORDER BY an aggregate (SUM(Amount)), allowed in aggregate queries only; path is then its argument (null for COUNT()). */
  orderBy: Array<{ path: string[]; desc: boolean; nullsLast: boolean; fn?: string; fnPath?: string[] | null }>;
  limit?: number;
  offset?: number;
  aggregate: boolean;
  countOnly: boolean;
};

const APEX_TYPES: Record<string, string> = {
  boolean: 'Boolean', date: 'Date', datetime: 'Datetime', double: 'Double', currency: 'Double', percent: 'Double', int: 'Integer',
  id: 'Id', reference: 'Id', string: 'String', textarea: 'String', picklist: 'String', multipicklist: 'String', email: 'String', phone: 'String', url: 'String'
};

const malformed = (message: string): SoqlError => new SoqlError('MALFORMED_QUERY', message);

export class SoqlEngine {
  public constructor(private readonly store: Store) {}

  public parse(soql: string): ParsedQuery {
    let ast: AnyNode;
    try {
      ast = parseQuery(soql) as unknown as AnyNode;
    } catch (error) {
      throw malformed(`unexpected token in query: ${(error as Error).message.split('\n')[0]}`);
    }
    return this.build(ast, undefined);
  }

  private objectNamed(name: string): ObjectSchema {
    const object = this.store.schema.object(name);
    if (!object) throw new SoqlError('INVALID_TYPE', `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
    return object;
  }

  private build(ast: AnyNode, parent: ObjectSchema | undefined, relationship?: string): ParsedQuery {
    let object: ObjectSchema;
    if (parent && relationship) {
      const child = parent.childRelationships.find((c) => c.relationshipName.toLowerCase() === relationship.toLowerCase());
      if (!child) throw new SoqlError('INVALID_TYPE', `Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`);
      object = this.objectNamed(child.childSObject);
    } else {
      object = this.objectNamed(String(ast.sObject));
    }
    for (const unsupported of ['having', 'withDataCategory', 'for', 'update', 'withSecurityEnforced', 'usingScope']) {
      if (ast[unsupported]) throw malformed(`${unsupported.toUpperCase()} is not supported by the local org`);
    }
    const select: SelectItem[] = [];
    let expr = 0;
    let countOnly = false;
    for (const field of (ast.fields as AnyNode[]) ?? []) {
      if (field.type === 'Field') {
        const path = this.resolvePath(object, [String(field.field)]);
        select.push({ kind: 'field', path, key: path[path.length - 1] });
      } else if (field.type === 'FieldRelationship') {
        const path = this.resolvePath(object, [...(field.relationships as string[]), String(field.field)]);
        select.push({ kind: 'field', path, key: path[path.length - 1] });
      } else if (field.type === 'FieldSubquery') {
        if (parent) throw malformed('Nested subqueries are not supported');
        const sub = field.subquery as AnyNode;
        select.push({ kind: 'subquery', relationship: String(sub.relationshipName), query: this.build(sub, object, String(sub.relationshipName)) });
      } else if (field.type === 'FieldFunctionExpression' && field.isAggregateFn) {
        const fn = String(field.functionName).toUpperCase();
        const params = (field.parameters as string[]) ?? [];
        if (!['COUNT', 'COUNT_DISTINCT', 'SUM', 'MIN', 'MAX', 'AVG'].includes(fn)) throw malformed(`${fn}() is not supported by the local org`);
        if (fn === 'COUNT' && params.length === 0) {
          countOnly = true;
          continue;
        }
        const path = params.length ? this.resolvePath(object, String(params[0]).split('.')) : null;
        const alias = field.alias ? String(field.alias) : `expr${expr++}`;
        select.push({ kind: 'aggregate', fn, path, alias });
      } else {
        throw malformed(`${String(field.rawValue ?? field.type)} is not supported by the local org`);
      }
    }
    const groupBy = ((ast.groupBy as AnyNode[] | AnyNode | undefined) ? [ast.groupBy].flat() as AnyNode[] : []).map((g) => {
      if (!g.field) throw malformed('GROUP BY ROLLUP/CUBE is not supported by the local org');
      return this.resolvePath(object, String(g.field).split('.'));
    });
    const aggregate = countOnly || select.some((s) => s.kind === 'aggregate') || groupBy.length > 0;
    if (aggregate) {
      for (const item of select) {
        if (item.kind === 'field' && !groupBy.some((g) => g.join('.').toLowerCase() === item.path.join('.').toLowerCase())) {
          throw malformed(`Field must be grouped or aggregated: ${item.path.join('.')}`);
        }
        if (item.kind === 'subquery') throw malformed('Subqueries are not allowed in aggregate queries');
      }
    }
    const orderBy = ((ast.orderBy as AnyNode[] | undefined) ?? []).map((o) => {
      const desc = String(o.order ?? 'ASC').toUpperCase() === 'DESC';
      const nullsLast = o.nulls ? String(o.nulls).toUpperCase() === 'LAST' : desc;
      const fn = o.fn as AnyNode | undefined;
      if (fn) {
        const name = String(fn.functionName).toUpperCase();
        if (!['COUNT', 'COUNT_DISTINCT', 'SUM', 'MIN', 'MAX', 'AVG'].includes(name)) throw malformed(`ORDER BY ${String(fn.rawValue ?? name)} is not supported by the local org`);
        if (!aggregate) throw malformed(`Ordered field must be grouped or aggregated: ${String(fn.rawValue ?? name)}`);
        const params = (fn.parameters as string[] | undefined) ?? [];
        return { path: [], desc, nullsLast, fn: name, fnPath: params.length ? this.resolvePath(object, String(params[0]).split('.')) : null };
      }
      if (!o.field) throw malformed('ORDER BY on this expression is not supported by the local org');
      const path = this.resolvePath(object, String(o.field).split('.'));
      if (aggregate && !groupBy.some((g) => g.join('.').toLowerCase() === path.join('.').toLowerCase())) throw malformed(`Ordered field must be grouped or aggregated: ${path.join('.')}`);
      return { path, desc, nullsLast };
    });
    return {
      object,
      select,
      where: ast.where ? this.whereFunction(object, ast.where as AnyNode) : undefined,
      groupBy,
      orderBy,
      limit: ast.limit === undefined ? undefined : Number(ast.limit),
      offset: ast.offset === undefined ? undefined : Number(ast.offset),
      aggregate,
      countOnly
    };
  }

  /**
   * What the REST API answers to `/query?q=…&columns=true` (the sf CLI's `data query` asks it to lay
   * out its table): one column per select item; a parent field is its relationship with the field
   * in joinColumns, a child subquery is an aggregate column with its fields in joinColumns, an
   * aggregate function is named by its alias (or exprN) with the function as displayName.
   */
  public columnMetadata(query: ParsedQuery): Record<string, unknown> {
    const column = (object: ObjectSchema | undefined, name: string, displayName: string, extra: Record<string, unknown> = {}): Record<string, unknown> => {
      const field = object?.fields.get(name);
      const type = field?.type ?? '';
      return {
        aggregate: false,
        apexType: field ? APEX_TYPES[type] ?? 'String' : null,
        booleanType: type === 'boolean',
        columnName: name,
        custom: field?.custom ?? false,
        displayName,
        foreignKeyName: null,
        insertable: field ? !field.calculated : false,
        joinColumns: [],
        numberType: ['double', 'int', 'currency', 'percent'].includes(type),
        textType: ['string', 'textarea', 'picklist', 'email', 'phone', 'url', 'id', 'reference'].includes(type),
        updatable: field ? field.updateable && !field.calculated : false,
        ...extra
      };
    };
    const fieldColumn = (object: ObjectSchema, path: string[], prefix: string[]): Record<string, unknown> => {
      if (path.length === 1) return column(object, path[0], [...prefix, path[0]].join('.'));
      const lookup = [...object.fields.values()].find((f) => f.relationshipName === path[0]);
      const parent = lookup?.referenceTo ? this.store.schema.objects.get(lookup.referenceTo) : undefined;
      return column(undefined, path[0], [...prefix, path[0]].join('.'), { joinColumns: parent ? [fieldColumn(parent, path.slice(1), [...prefix, path[0]])] : [] });
    };
    const columns: Array<Record<string, unknown>> = [];
    for (const item of query.select) {
      if (item.kind === 'field') {
        // Fields through the same relationship share one column with several joinColumns.
        const col = fieldColumn(query.object, item.path, []);
        const existing = item.path.length > 1 ? columns.find((c) => c.columnName === item.path[0] && !c.aggregate) : undefined;
        if (existing) (existing.joinColumns as unknown[]).push(...(col.joinColumns as unknown[]));
        else columns.push(col);
      } else if (item.kind === 'subquery') {
        const sub = item.query;
        const joinColumns = sub.select.flatMap((s) => (s.kind === 'field' ? [fieldColumn(sub.object, s.path, [])] : []));
        const child = query.object.childRelationships.find((c) => c.relationshipName.toLowerCase() === item.relationship.toLowerCase());
        const name = child?.relationshipName ?? item.relationship;
        columns.push(column(undefined, name, name, { aggregate: true, joinColumns }));
      } else {
        const displayName = `${item.fn}(${item.path ? item.path.join('.') : ''})`;
        columns.push(column(undefined, item.alias, displayName, { aggregate: true, apexType: ['COUNT', 'COUNT_DISTINCT'].includes(item.fn) ? 'Integer' : null, numberType: true }));
      }
    }
    return {
      columnMetadata: columns,
      entityName: query.object.name,
      groupBy: query.groupBy.length > 0,
      idSelected: query.select.some((s) => s.kind === 'field' && s.path.length === 1 && s.path[0] === 'Id'),
      keyPrefix: query.object.keyPrefix ?? null
    };
  }

  /** Canonical field names along a path: [Owner, Name] → ['Owner', 'Name'] checked against the schema. */
  public resolvePath(object: ObjectSchema, path: string[]): string[] {
    const out: string[] = [];
    let current: ObjectSchema = object;
    for (let i = 0; i < path.length; i += 1) {
      const part = path[i];
      const last = i === path.length - 1;
      if (last) {
        const field = current.byLowerName.get(part.toLowerCase());
        if (!field) throw invalidField(part, current.name);
        out.push(field.name);
        break;
      }
      const lookup = [...current.fields.values()].find((f) => f.type === 'reference' && (f.relationshipName ?? '').toLowerCase() === part.toLowerCase());
      if (!lookup || !lookup.referenceTo) throw invalidField(part, current.name, true);
      out.push(lookup.relationshipName ?? part);
      const next = this.store.schema.objects.get(lookup.referenceTo);
      if (!next) throw invalidField(part, current.name, true);
      current = next;
    }
    return out;
  }

  /** Follows a canonical path on a record; returns the value (computed fields included). */
  public get(object: ObjectSchema, record: Rec, path: string[]): unknown {
    let currentObject = object;
    let current: Rec | undefined = record;
    for (let i = 0; i < path.length - 1; i += 1) {
      const lookup = [...currentObject.fields.values()].find((f) => f.relationshipName === path[i]);
      const parent: { type: string; record: Rec } | undefined = lookup ? this.store.find(current?.[lookup.name] as string) : undefined;
      if (!parent) return null;
      currentObject = this.store.schema.objects.get(parent.type) ?? currentObject;
      current = parent.record;
    }
    const field = currentObject.fields.get(path[path.length - 1]);
    return field && current ? this.store.value(currentObject, current, field) : null;
  }

  public fieldAt(object: ObjectSchema, path: string[]): FieldSchema | undefined {
    let current = object;
    for (let i = 0; i < path.length - 1; i += 1) {
      const lookup = [...current.fields.values()].find((f) => f.relationshipName === path[i]);
      const next = lookup?.referenceTo ? this.store.schema.objects.get(lookup.referenceTo) : undefined;
      if (!next) return undefined;
      current = next;
    }
    return current.fields.get(path[path.length - 1]);
  }

  private whereFunction(object: ObjectSchema, where: AnyNode): (record: Rec) => boolean {
    const tokens: Token[] = [];
    const walk = (node: AnyNode | undefined): void => {
      if (!node) return;
      const left = node.left as (Condition & { openParen?: number; closeParen?: number }) | null;
      if (left) {
        for (let i = 0; i < (left.openParen ?? 0); i += 1) tokens.push({ kind: 'open' });
        tokens.push({ kind: 'cond', cond: left });
        for (let i = 0; i < (left.closeParen ?? 0); i += 1) tokens.push({ kind: 'close' });
      }
      if (node.operator) {
        const op = String(node.operator).toUpperCase();
        tokens.push({ kind: op === 'AND' ? 'and' : op === 'OR' ? 'or' : 'not' });
      }
      walk(node.right as AnyNode | undefined);
    };
    walk(where);
    let pos = 0;
    const peek = (): Token | undefined => tokens[pos];
    type Pred = (record: Rec) => boolean;
    const parseOr = (): Pred => {
      let left = parseAnd();
      while (peek()?.kind === 'or') {
        pos += 1;
        const right = parseAnd();
        const l = left;
        left = (r) => l(r) || right(r);
      }
      return left;
    };
    const parseAnd = (): Pred => {
      let left = parseNot();
      while (peek()?.kind === 'and') {
        pos += 1;
        const right = parseNot();
        const l = left;
        left = (r) => l(r) && right(r);
      }
      return left;
    };
    const parseNot = (): Pred => {
      if (peek()?.kind === 'not') {
        pos += 1;
        const inner = parseNot();
        return (r) => !inner(r);
      }
      const token = tokens[pos++];
      if (!token) throw malformed('unexpected end of WHERE clause');
      if (token.kind === 'open') {
        const inner = parseOr();
        if (tokens[pos++]?.kind !== 'close') throw malformed('unbalanced parentheses in WHERE clause');
        return inner;
      }
      if (token.kind !== 'cond') throw malformed('unexpected token in WHERE clause');
      return this.condition(object, token.cond);
    };
    const predicate = parseOr();
    if (pos !== tokens.length) throw malformed('unexpected token in WHERE clause');
    return predicate;
  }

  private condition(object: ObjectSchema, cond: Condition): (record: Rec) => boolean {
    if (cond.valueQuery || cond.fn) throw malformed('semi-joins and functions in WHERE are not supported by the local org');
    const path = this.resolvePath(object, String(cond.field).split('.'));
    const field = this.fieldAt(object, path);
    const op = cond.operator.toUpperCase();
    const types = [cond.literalType].flat();
    const values = [cond.value].flat().map((v, i) => this.literal(String(v), String(types[i] ?? types[0]), [cond.dateLiteralVariable].flat()[i] as number | undefined));
    const type = field?.type ?? 'string';
    const norm = (v: unknown): unknown => {
      if (v === null || v === undefined || v === '') return null;
      if (type === 'boolean') return v === true || v === 'true' || v === 'TRUE';
      if (['double', 'int', 'currency', 'percent'].includes(type)) return Number(v);
      if (typeof v === 'string' && !['date', 'datetime'].includes(type)) return v.toLowerCase();
      return v;
    };
    const get = (r: Rec): unknown => norm(this.get(object, r, path));
    const compare = (a: unknown, b: unknown): number => (a === b ? 0 : (a as number | string) < (b as number | string) ? -1 : 1);
    type Range = { from: unknown; to: unknown };
    const isRange = (v: unknown): v is Range => typeof v === 'object' && v !== null && 'from' in v && 'to' in v;
    const range = (v: unknown): Range => (isRange(v) ? v : { from: norm(v), to: norm(v) });
    switch (op) {
      case '=':
      case '!=': {
        const v = values[0];
        const eq = (r: Rec): boolean => {
          const actual = get(r);
          if (isRange(v)) return actual !== null && compare(actual, v.from) >= 0 && compare(actual, v.to) <= 0;
          return actual === norm(v);
        };
        return op === '=' ? eq : (r) => !eq(r);
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const { from, to } = range(values[0]);
        return (r) => {
          const actual = get(r);
          if (actual === null) return false;
          if (op === '<') return compare(actual, from) < 0;
          if (op === '<=') return compare(actual, to) <= 0;
          if (op === '>') return compare(actual, to) > 0;
          return compare(actual, from) >= 0;
        };
      }
      case 'IN':
      case 'NOT IN': {
        const set = new Set(values.map(norm));
        const idField = type === 'id' || type === 'reference';
        const has = (actual: unknown): boolean => (idField && typeof actual === 'string' ? [...set].some((s) => typeof s === 'string' && s.slice(0, 15) === actual.slice(0, 15)) : set.has(actual));
        return op === 'IN' ? (r) => has(get(r)) : (r) => !has(get(r));
      }
      case 'LIKE': {
        const pattern = String(values[0] ?? '');
        let source = '';
        for (let i = 0; i < pattern.length; i += 1) {
          const c = pattern[i];
          if (c === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          else if (c === '%') source += '.*';
          else if (c === '_') source += '.';
          else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }
        const regex = new RegExp(`^${source}$`, 'is');
        return (r) => {
          const actual = this.get(object, r, path);
          return actual !== null && actual !== undefined && regex.test(String(actual));
        };
      }
      case 'INCLUDES':
      case 'EXCLUDES': {
        const wanted = values.map((v) => String(v).split(';').map((s) => s.toLowerCase()));
        const includes = (r: Rec): boolean => {
          const actual = new Set(String(this.get(object, r, path) ?? '').toLowerCase().split(';').filter(Boolean));
          return wanted.some((all) => all.every((w) => actual.has(w)));
        };
        return op === 'INCLUDES' ? includes : (r) => !includes(r);
      }
      default:
        throw malformed(`operator ${op} is not supported by the local org`);
    }
  }

  private literal(raw: string, literalType: string, n?: number): unknown {
    switch (literalType) {
      case 'STRING':
        return raw.replace(/^'|'$/g, '').replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
      case 'BOOLEAN':
        return raw.toUpperCase() === 'TRUE';
      case 'NULL':
        return null;
      case 'INTEGER':
      case 'DECIMAL':
      case 'DECIMAL_WITH_CURRENCY_PREFIX':
      case 'INTEGER_WITH_CURRENCY_PREFIX':
        return Number(raw.replace(/^[A-Z]{3}/, ''));
      case 'DATE':
      case 'DATETIME':
        return raw;
      case 'DATE_LITERAL':
      case 'DATE_N_LITERAL':
        return this.dateRange(raw.split(':')[0].toUpperCase(), n ?? Number(raw.split(':')[1]));
      default:
        throw malformed(`${literalType} values are not supported by the local org`);
    }
  }

  /** Date literal → inclusive range of YYYY-MM-DD strings, relative to the org's today. */
  private dateRange(name: string, n: number): { from: string; to: string } {
    const today = new Date(`${this.store.today}T00:00:00Z`);
    const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const month = (offset: number, end = false): string => {
      const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset + (end ? 1 : 0), end ? 0 : 1));
      return d.toISOString().slice(0, 10);
    };
    const y = today.getUTCFullYear();
    switch (name) {
      case 'TODAY': return { from: day(0), to: day(0) };
      case 'YESTERDAY': return { from: day(-1), to: day(-1) };
      case 'TOMORROW': return { from: day(1), to: day(1) };
      case 'LAST_N_DAYS': return { from: day(-n), to: day(0) };
      case 'NEXT_N_DAYS': return { from: day(0), to: day(n) };
      case 'N_DAYS_AGO': return { from: day(-n), to: day(-n) };
      case 'THIS_MONTH': return { from: month(0), to: month(0, true) };
      case 'LAST_MONTH': return { from: month(-1), to: month(-1, true) };
      case 'LAST_N_MONTHS': return { from: month(-n), to: month(-1, true) };
      case 'THIS_YEAR': return { from: `${y}-01-01`, to: `${y}-12-31` };
      case 'LAST_YEAR': return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
      default: throw malformed(`date literal ${name} is not supported by the local org`);
    }
  }

  /** Records matching the query (before paging), as platform JSON. */
  public run(query: ParsedQuery): { records: Array<Record<string, unknown>>; totalSize: number } {
    let rows = this.store.all(query.object.name);
    if (query.where) rows = rows.filter(query.where);
    if (query.aggregate) return this.aggregate(query, rows);
    rows = this.sort(query, rows);
    if (query.offset) rows = rows.slice(query.offset);
    if (query.limit !== undefined) rows = rows.slice(0, query.limit);
    return { records: rows.map((r) => this.shape(query, r)), totalSize: rows.length };
  }

  /** Matching records in order, without shaping them (for Bulk results generated page by page). */
  public matching(query: ParsedQuery): Rec[] {
    let rows = this.store.all(query.object.name);
    if (query.where) rows = rows.filter(query.where);
    rows = this.sort(query, rows);
    if (query.offset) rows = rows.slice(query.offset);
    return query.limit !== undefined ? rows.slice(0, query.limit) : rows;
  }

  private sort(query: ParsedQuery, rows: Rec[]): Rec[] {
    if (query.orderBy.length === 0) return rows;
    const keyed = rows.map((r) => ({ r, keys: query.orderBy.map((o) => this.get(query.object, r, o.path)) }));
    keyed.sort((a, b) => compareKeys(query.orderBy, a.keys, b.keys));
    return keyed.map((k) => k.r);
  }

  private aggregateValue(object: ObjectSchema, fn: string, path: string[] | null, members: Rec[]): unknown {
    // In a multi-currency org, aggregates of a currency field are in the corporate currency.
    const rates = this.store.currencyRates;
    const field = path?.length === 1 ? object.byLowerName.get(path[0].toLowerCase()) : undefined;
    if (rates && field?.type === 'currency' && ['SUM', 'AVG', 'MIN', 'MAX'].includes(fn)) {
      const converted = members.map((m) => this.get(object, m, path as string[])).map((v, i) => (v === null || v === undefined ? null : Number(v) / (rates[String(members[i].CurrencyIsoCode ?? this.store.corporateCurrency)] ?? 1)));
      const present = converted.filter((v): v is number => v !== null);
      if (!present.length) return null;
      if (fn === 'SUM') return present.reduce((sum, v) => sum + v, 0);
      if (fn === 'AVG') return present.reduce((sum, v) => sum + v, 0) / present.length;
      return fn === 'MIN' ? Math.min(...present) : Math.max(...present);
    }
    const values = path ? members.map((m) => this.get(object, m, path)).filter((v) => v !== null && v !== undefined) : members;
    const numbers = values.map(Number);
    switch (fn) {
      case 'COUNT': return values.length;
      case 'COUNT_DISTINCT': return new Set(values.map(String)).size;
      case 'SUM': return values.length ? numbers.reduce((s, v) => s + v, 0) : null;
      case 'AVG': return values.length ? numbers.reduce((s, v) => s + v, 0) / values.length : null;
      case 'MIN':
      case 'MAX':
        if (!values.length) return null;
        if (typeof values[0] === 'number') return fn === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
        return fn === 'MIN' ? [...values].sort()[0] : [...values].sort().at(-1);
      default: return null;
    }
  }

  public shape(query: ParsedQuery, record: Rec): Record<string, unknown> {
    const out: Record<string, unknown> = { attributes: { type: query.object.name, url: this.url(query.object.name, record.Id) } };
    for (const item of query.select) {
      if (item.kind === 'field') this.put(out, query.object, record, item.path);
      else if (item.kind === 'subquery') {
        const child = query.object.childRelationships.find((c) => c.relationshipName.toLowerCase() === item.relationship.toLowerCase());
        const sub = item.query;
        let rows = this.store.all(sub.object.name).filter((r) => child && r[child.field] === record.Id);
        if (sub.where) rows = rows.filter(sub.where);
        rows = this.sort(sub, rows);
        if (sub.limit !== undefined) rows = rows.slice(0, sub.limit);
        const shaped = rows.map((r) => this.shape(sub, r));
        const size = this.childPageSize;
        out[child?.relationshipName ?? item.relationship] =
          rows.length === 0
            ? null
            : size !== undefined && this.registerCursor && shaped.length > size
              ? { totalSize: shaped.length, done: false, nextRecordsUrl: this.registerCursor(shaped, size), records: shaped.slice(0, size) }
              : { totalSize: rows.length, done: true, records: shaped };
      }
    }
    return out;
  }

  private put(out: Record<string, unknown>, object: ObjectSchema, record: Rec, path: string[]): void {
    if (path.length === 1) {
      const field = object.fields.get(path[0]);
      out[path[0]] = field ? this.store.value(object, record, field) : null;
      return;
    }
    const lookup = [...object.fields.values()].find((f) => f.relationshipName === path[0]);
    const parent = lookup ? this.store.find(record[lookup.name] as string) : undefined;
    if (!parent) {
      out[path[0]] = null;
      return;
    }
    const parentObject = this.store.schema.objects.get(parent.type);
    if (!parentObject) return;
    const nested = (out[path[0]] as Record<string, unknown> | null | undefined) ?? { attributes: { type: parent.type, url: this.url(parent.type, parent.record.Id) } };
    out[path[0]] = nested;
    this.put(nested, parentObject, parent.record, path.slice(1));
  }

  public url(type: string, id: string): string {
    return `/services/data/v${this.apiVersion}/sobjects/${type}/${id}`;
  }

  public apiVersion = '62.0';
  /** Child subquery records per parent in the first answer; the rest through nextRecordsUrl, as the platform pages big child lists. */
  public childPageSize?: number;
  /** Keeps the rest of a child list for queryMore; returns its nextRecordsUrl (set by the server). */
  public registerCursor?: (records: Array<Record<string, unknown>>, offset: number) => string;

  private aggregate(query: ParsedQuery, rows: Rec[]): { records: Array<Record<string, unknown>>; totalSize: number } {
    if (query.countOnly && query.select.length === 0 && query.groupBy.length === 0) return { records: [], totalSize: rows.length };
    const groups = new Map<string, Rec[]>();
    for (const row of rows) {
      const key = JSON.stringify(query.groupBy.map((g) => this.get(query.object, row, g)));
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    if (query.groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
    if (groups.size > 2000 && query.limit === undefined) {
      throw new SoqlError('MALFORMED_QUERY', 'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch');
    }
    let records = [...groups.values()].map((members) => {
      const out: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
      for (const item of query.select) {
        if (item.kind === 'field') out[item.path[item.path.length - 1]] = members.length ? this.get(query.object, members[0], item.path) : null;
        if (item.kind !== 'aggregate') continue;
        out[item.alias] = this.aggregateValue(query.object, item.fn, item.path, members);
      }
      return out;
    });
    if (query.orderBy.length > 0) {
      // ORDER BY a grouped field or an aggregate (ORDER BY SUM(Amount) DESC), as the platform allows.
      const members = [...groups.values()];
      const keys = members.map((m) => query.orderBy.map((o) => (o.fn ? this.aggregateValue(query.object, o.fn, o.fnPath ?? null, m) : m.length ? this.get(query.object, m[0], o.path) : null)));
      const order = members.map((_, i) => i).sort((a, b) => compareKeys(query.orderBy, keys[a], keys[b]));
      records = order.map((i) => records[i]);
    }
    if (query.offset) records = records.slice(query.offset);
    if (query.limit !== undefined) records = records.slice(0, query.limit);
    return { records, totalSize: records.length };
  }
}

function compareKeys(orderBy: ParsedQuery['orderBy'], a: unknown[], b: unknown[]): number {
  for (let i = 0; i < orderBy.length; i += 1) {
    const o = orderBy[i];
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null || x === undefined) return o.nullsLast ? 1 : -1;
    if (y === null || y === undefined) return o.nullsLast ? -1 : 1;
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'en', { sensitivity: 'base' }) : (x as number) < (y as number) ? -1 : 1;
    if (c !== 0) return o.desc ? -c : c;
  }
  return 0;
}

function invalidField(name: string, object: string, relationship = false): SoqlError {
  return new SoqlError(
    'INVALID_FIELD',
    relationship
      ? `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
      : `No such column '${name}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}
