// Executes UI API GraphQL on the local org: graphql-js validates the request against the org's
// schema and runs it; each record connection is compiled to SOQL and answered by the local org's
// SOQL engine (filters, relationship paths, ordering), so the two APIs cannot drift apart. The
// SOQL rules the GraphQL API inherits are enforced here, where GraphQL becomes SOQL: semi-joins
// only at the top level of a WHERE with no OR, at most two of them, none nested; at most 2,000
// rows a connection; 10 rows when `first` is not given.
import { defaultFieldResolver, execute, parse, validate, type DocumentNode, type GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { FieldSchema, ObjectSchema } from '../schema.js';
import { SoqlError, type SoqlEngine } from '../soql.js';
import type { Rec, Store } from '../store.js';
import { FIELD_TYPES, groupable, inUiApi, parentOf, sortable, uiApiSchema } from './schema.js';

export type GraphqlContext = { store: Store; engine: SoqlEngine; userId: string };
export type GraphqlErrorBody = {
  message: string;
  locations: Array<{ line: number; column: number }>;
  paths: Array<string | number>;
  extensions: { ErrorType: string };
};
export type GraphqlResponse = { data: Record<string, unknown> | null; errors?: GraphqlErrorBody[] };

/** Rows a connection returns when `first` is not given, and the most it can return. */
export const DEFAULT_FIRST = 10;
export const MAX_FIRST = 2000;
/** Semi-joins and anti-joins a WHERE clause may hold (SOQL's limit). */
const MAX_JOINS = 2;

const malformed = (message: string): SoqlError => new SoqlError('MALFORMED_QUERY', message);

type Json = Record<string, unknown>;
type Place = { underOr: boolean; underNot: boolean };

class RecordNode {
  public constructor(public readonly object: ObjectSchema, public readonly record: Rec) {}
}

class AggregateNode {
  public constructor(
    public readonly root: ObjectSchema,
    public readonly object: ObjectSchema,
    public readonly members: Rec[],
    public readonly grouped: Set<string>,
    public readonly prefix: string[]
  ) {}
}

const encodeCursor = (index: number): string => Buffer.from(`v1:${index}`).toString('base64');
function decodeCursor(cursor: unknown): number {
  if (cursor === null || cursor === undefined) return -1;
  const match = /^v1:(\d+)$/.exec(Buffer.from(String(cursor), 'base64').toString('utf8'));
  if (!match) throw new SoqlError('INVALID_CURSOR', `Invalid cursor: ${String(cursor)}`);
  return Number(match[1]);
}

const quote = (value: unknown): string => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const same = (a: unknown, b: unknown): boolean => typeof a === 'string' && typeof b === 'string' && a.slice(0, 15) === b.slice(0, 15);

const DATE_RANGES: Record<string, string> = {
  last_n_days: 'LAST_N_DAYS', next_n_days: 'NEXT_N_DAYS', last_n_weeks: 'LAST_N_WEEKS', next_n_weeks: 'NEXT_N_WEEKS', last_n_months: 'LAST_N_MONTHS',
  next_n_months: 'NEXT_N_MONTHS', last_n_quarters: 'LAST_N_QUARTERS', next_n_quarters: 'NEXT_N_QUARTERS', last_n_years: 'LAST_N_YEARS',
  next_n_years: 'NEXT_N_YEARS', n_days_ago: 'N_DAYS_AGO', n_weeks_ago: 'N_WEEKS_AGO', n_months_ago: 'N_MONTHS_AGO', n_quarters_ago: 'N_QUARTERS_AGO', n_years_ago: 'N_YEARS_AGO'
};
const OPERATORS: Record<string, string> = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=', like: 'LIKE', in: 'IN', nin: 'NOT IN', includes: 'INCLUDES', excludes: 'EXCLUDES' };

/** Compiles `<Object>_Filter` input to a SOQL WHERE expression, checking where semi-joins sit. */
class FilterCompiler {
  public joins = 0;
  public ors = 0;

  public constructor(private readonly ctx: GraphqlContext, private readonly joinsRefused?: string) {}

  public compile(object: ObjectSchema, filter: unknown, prefix: string[] = [], place: Place = { underOr: false, underNot: false }): string | null {
    if (filter === null || filter === undefined) return null;
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter as Json)) {
      if (value === undefined) continue;
      if (key === 'and' || key === 'or') {
        const items = ((value as unknown[] | null) ?? []).map((item) => this.compile(object, item, prefix, key === 'or' ? { ...place, underOr: true } : place)).filter((s): s is string => Boolean(s));
        if (key === 'or' && items.length > 1) this.ors += 1;
        if (items.length) parts.push(group(items, key === 'and' ? 'AND' : 'OR'));
        continue;
      }
      if (key === 'not') {
        const inner = this.compile(object, value, prefix, { ...place, underNot: true });
        if (inner) parts.push(`NOT (${inner})`);
        continue;
      }
      const field = object.fields.get(key);
      if (field) {
        parts.push(...this.field(object, field, value as Json | null, prefix, place));
        continue;
      }
      const lookup = [...object.fields.values()].find((f) => f.relationshipName === key);
      const parent = lookup ? parentOf(this.ctx.store.schema, lookup) : undefined;
      if (!parent) throw malformed(`No such column '${key}' on entity '${object.name}'`);
      const inner = this.compile(parent, value, [...prefix, key], place);
      if (inner) parts.push(inner);
    }
    return parts.length ? group(parts, 'AND') : null;
  }

  private field(object: ObjectSchema, field: FieldSchema, operators: Json | null, prefix: string[], place: Place): string[] {
    if (!operators) return [];
    const path = [...prefix, field.name].join('.');
    const out: string[] = [];
    for (const [op, value] of Object.entries(operators)) {
      if (value === undefined) continue;
      if (op === 'inq' || op === 'ninq') {
        out.push(this.join(object, field, op, value as Json, prefix, place));
        continue;
      }
      const soqlOp = OPERATORS[op];
      if (!soqlOp) throw malformed(`${op} on ${path} is not supported by the local org`);
      if (op === 'in' || op === 'nin' || op === 'includes' || op === 'excludes') {
        const list = ((value as unknown[] | null) ?? []).map((v) => this.literal(field, v));
        // SOQL has no empty IN list: nothing is in it, everything is outside it.
        if (list.length === 0) out.push(op === 'in' || op === 'includes' ? 'Id = null' : 'Id != null');
        else out.push(`${path} ${soqlOp} (${list.join(', ')})`);
      } else if ((field.type === 'id' || field.type === 'reference') && (op === 'eq' || op === 'ne') && value !== null) {
        // As IN: the SOQL engine matches 15- and 18-character ids there, as the platform does.
        out.push(`${path} ${op === 'eq' ? 'IN' : 'NOT IN'} (${this.literal(field, value)})`);
      } else {
        out.push(`${path} ${soqlOp} ${this.literal(field, value)}`);
      }
    }
    return out;
  }

  private literal(field: FieldSchema, value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (field.type === 'date' || field.type === 'datetime') {
      const input = value as { value?: string | null; literal?: string | null; range?: Record<string, number | null> | null };
      if (input.value !== undefined && input.value !== null) {
        const pattern = field.type === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
        if (!pattern.test(input.value)) throw malformed(`value of filter criterion for field '${field.name}' must be of type ${field.type} and should not be enclosed in quotes`);
        return input.value;
      }
      if (input.literal) return input.literal;
      const range = Object.entries(input.range ?? {}).find(([, n]) => n !== null && n !== undefined);
      if (range) return `${DATE_RANGES[range[0]]}:${range[1]}`;
      return 'null';
    }
    if (field.type === 'boolean') return value === true || value === 'true' ? 'true' : 'false';
    if (FIELD_TYPES[field.type].numeric) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw malformed(`value of filter criterion for field '${field.name}' must be of type ${field.type}`);
      return String(n);
    }
    return quote(value);
  }

  /** `Id: { inq: { Child: {…}, ApiName: "Field" } }` → `Id IN ('…', …)`, the subquery run first. */
  private join(object: ObjectSchema, field: FieldSchema, op: 'inq' | 'ninq', input: Json | null, prefix: string[], place: Place): string {
    if (this.joinsRefused) throw malformed(this.joinsRefused);
    if (place.underOr || this.ors > 0) throw malformed("Semi join sub-selects are not allowed with the 'OR' operator");
    if (place.underNot) throw malformed('Semi join sub-selects are only allowed at the top level WHERE expressions and not in nested WHERE expressions.');
    if (prefix.length) throw malformed(`The left operand of a semi-join must be a field of ${object.name}, not ${[...prefix, field.name].join('.')}`);
    this.joins += 1;
    if (this.joins > MAX_JOINS) throw malformed(`Maximum of ${MAX_JOINS} semi join sub-selects are allowed in a WHERE clause`);
    const apiName = input?.ApiName;
    const targets = Object.entries(input ?? {}).filter(([key, value]) => key !== 'ApiName' && value !== undefined);
    if (typeof apiName !== 'string' || targets.length !== 1) throw malformed(`${op} needs exactly one object filter and the ApiName of the field to select`);
    const [targetName, targetFilter] = targets[0];
    const target = this.ctx.store.schema.objects.get(targetName);
    const selected = target?.fields.get(apiName);
    if (!target || !selected || (selected.type !== 'id' && selected.type !== 'reference')) {
      throw malformed(`No such column '${apiName}' on entity '${targetName}' to select in a semi-join: it must be an Id or a reference field`);
    }
    const left = field.type === 'id' ? object.name : field.referenceTo;
    const right = selected.type === 'id' ? target.name : selected.referenceTo;
    if (left !== right) throw malformed(`Semi-join field ${targetName}.${apiName} does not reference ${left}, the object of ${field.name}`);
    const inner = new FilterCompiler(this.ctx, 'Nesting of semi join sub-selects is not supported').compile(target, targetFilter);
    const rows = this.ctx.engine.matching(this.ctx.engine.parse(`SELECT Id FROM ${target.name}${inner ? ` WHERE ${inner}` : ''}`));
    const ids = [...new Set(rows.map((r) => r[selected.name]).filter((v): v is string => typeof v === 'string'))];
    if (ids.length === 0) return op === 'inq' ? 'Id = null' : 'Id != null';
    return `${field.name} ${op === 'inq' ? 'IN' : 'NOT IN'} (${ids.map(quote).join(', ')})`;
  }
}

function group(items: string[], op: 'AND' | 'OR'): string {
  if (items.length === 1) return items[0];
  // The SOQL parser reads `NOT (…)` as one term, but not `(NOT …)`: leave negations unwrapped.
  return items.map((s) => (s.startsWith('NOT ') ? s : `(${s})`)).join(` ${op} `);
}

function orderByText(ctx: GraphqlContext, object: ObjectSchema, orderBy: unknown, prefix: string[] = []): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries((orderBy as Json | null) ?? {})) {
    if (!value) continue;
    const field = object.fields.get(key);
    if (field) {
      const clause = value as { order?: string | null; nulls?: string | null; function?: string | null };
      if (clause.function) throw malformed(`ORDER BY ${clause.function}(${key}) is only allowed in aggregate queries`);
      out.push(`${[...prefix, key].join('.')} ${clause.order ?? 'ASC'}${clause.nulls ? ` NULLS ${clause.nulls}` : ''}`);
      continue;
    }
    const lookup = [...object.fields.values()].find((f) => f.relationshipName === key);
    const parent = lookup ? parentOf(ctx.store.schema, lookup) : undefined;
    if (parent) out.push(...orderByText(ctx, parent, value, [...prefix, key]));
  }
  return out;
}

function pageSize(first: unknown): number {
  if (first === null || first === undefined) return DEFAULT_FIRST;
  const n = Number(first);
  if (!Number.isInteger(n) || n < 0 || n > MAX_FIRST) throw malformed(`first must be between 0 and ${MAX_FIRST}; a query returns at most ${MAX_FIRST} records at a time (got ${String(first)})`);
  return n;
}

/** With `upperBound` (upper-bound pagination) a page is 200 to 2,000 rows and paging stops at the bound. */
function bounded<T>(items: T[], args: Json): T[] {
  if (args.upperBound === null || args.upperBound === undefined) return items;
  const first = Number(args.first ?? DEFAULT_FIRST);
  if (first < 200 || first > MAX_FIRST) throw malformed(`With upperBound, first can have a value from 200 to ${MAX_FIRST} only (got ${first})`);
  return items.slice(0, Math.max(0, Number(args.upperBound)));
}

function page<T>(all: T[], args: Json, wrap: (item: T) => unknown): Json {
  const size = pageSize(args.first);
  const items = bounded(all, args);
  const start = decodeCursor(args.after) + 1;
  const slice = items.slice(start, start + size);
  return {
    edges: slice.map((item, i) => ({ node: wrap(item), cursor: encodeCursor(start + i) })),
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? encodeCursor(start) : null,
      endCursor: slice.length ? encodeCursor(start + slice.length - 1) : null
    },
    totalCount: items.length,
    pageResultCount: slice.length
  };
}

const dateFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** The formatted value the UI API puts beside a value (en_US, the running user's locale here). */
function displayValue(ctx: GraphqlContext, field: FieldSchema, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const number = (options: Intl.NumberFormatOptions): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: field.scale ?? 2, ...options }).format(Number(value));
  switch (field.type) {
    case 'reference': {
      const parent = ctx.store.find(String(value));
      const parentObject = parent ? ctx.store.schema.objects.get(parent.type) : undefined;
      const name = parentObject?.fields.get('Name');
      return parent && parentObject && name ? String(ctx.store.value(parentObject, parent.record, name) ?? '') : null;
    }
    case 'picklist':
    case 'multipicklist':
      return String(value);
    case 'currency':
      return number({ style: 'currency', currency: 'USD', minimumFractionDigits: field.scale ?? 2 });
    case 'double':
    case 'int':
      return number({});
    case 'percent':
      return `${number({})}%`;
    case 'date':
      return dateFormat.format(new Date(`${String(value).slice(0, 10)}T00:00:00Z`));
    case 'datetime':
      return dateTimeFormat.format(new Date(String(value)));
    default:
      return null;
  }
}

function fieldValue(ctx: GraphqlContext, field: FieldSchema, value: unknown): Json {
  const v = value === undefined ? null : value;
  return { value: v, displayValue: displayValue(ctx, field, v), format: null, label: null, convertCurrency: null };
}

class Executor {
  /** Child rows by the SOQL that selected them, so each child connection runs its query once. */
  private readonly childRows = new Map<string, Rec[]>();

  public constructor(private readonly ctx: GraphqlContext) {}

  public readonly resolve: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    const parentType = info.parentType.name;
    const name = info.fieldName;
    if (source instanceof RecordNode) return this.recordField(source, name, args as Json);
    if (source instanceof AggregateNode) return this.aggregateField(source, name);
    if (parentType === 'Query' || (parentType === 'UIAPI' && (name === 'query' || name === 'aggregate'))) return {};
    if (parentType === 'UIAPI' && name === 'objectInfos') return this.objectInfos((args as { apiNames?: string[] | null }).apiNames ?? []);
    if (parentType === 'RecordQuery') return this.query(this.object(name), args as Json);
    if (parentType === 'RecordQueryAggregate') return this.aggregate(this.object(name), args as Json);
    return defaultFieldResolver(source, args, context, info as GraphQLResolveInfo);
  };

  private object(name: string): ObjectSchema {
    const object = this.ctx.store.schema.objects.get(name);
    if (!object) throw new SoqlError('INVALID_TYPE', `sObject type '${name}' is not supported.`);
    return object;
  }

  /** The SOQL of a connection's rows: its filter (semi-joins resolved) and order, Id last for stable cursors. */
  private soql(object: ObjectSchema, args: Json, joinsRefused?: string): string {
    const compiler = new FilterCompiler(this.ctx, joinsRefused);
    const conditions = [compiler.compile(object, args.where)];
    // An OR anywhere in a WHERE that holds a semi-join is refused, before or after the join. The
    // platform's error is documented for a semi-join inside an OR; refusing one beside an OR too is
    // the stricter reading (issue 14), so what passes here cannot fail there for this reason.
    if (compiler.joins > 0 && compiler.ors > 0) throw malformed("Semi join sub-selects are not allowed with the 'OR' operator");
    if (args.scope === 'MINE') conditions.push(`OwnerId = ${quote(this.ctx.userId)}`);
    const where = conditions.filter((c): c is string => Boolean(c));
    const order = orderByText(this.ctx, object, args.orderBy);
    if (!order.some((o) => o.startsWith('Id '))) order.push('Id ASC');
    return `SELECT Id FROM ${object.name}${where.length ? ` WHERE ${group(where, 'AND')}` : ''} ORDER BY ${order.join(', ')}`;
  }

  private rows(soql: string): Rec[] {
    return this.ctx.engine.matching(this.ctx.engine.parse(soql));
  }

  private query(object: ObjectSchema, args: Json): Json {
    pageSize(args.first);
    return page(this.rows(this.soql(object, args)), args, (record) => new RecordNode(object, record));
  }

  private recordField(node: RecordNode, name: string, args: Json): unknown {
    const { object, record } = node;
    switch (name) {
      case 'Id':
        return record.Id;
      case 'ApiName':
        return object.name;
      case 'WeakEtag':
        return Date.parse(String(record.SystemModstamp ?? record.LastModifiedDate ?? '')) || 0;
      case 'DisplayValue': {
        const nameField = object.fields.get('Name');
        return nameField ? (this.ctx.store.value(object, record, nameField) ?? null) : null;
      }
      case 'RecordTypeId':
        return { value: null, displayValue: null };
    }
    const field = object.fields.get(name);
    if (field) return fieldValue(this.ctx, field, this.ctx.store.value(object, record, field));
    const lookup = [...object.fields.values()].find((f) => f.relationshipName === name);
    if (lookup) {
      const parent = this.ctx.store.find(record[lookup.name] as string | undefined);
      const parentObject = parent ? this.ctx.store.schema.objects.get(parent.type) : undefined;
      return parent && parentObject ? new RecordNode(parentObject, parent.record) : null;
    }
    const child = object.childRelationships.find((c) => c.relationshipName === name);
    if (!child) return null;
    const childObject = this.object(child.childSObject);
    pageSize(args.first);
    const soql = this.soql(childObject, args, 'Semi join sub-selects are not allowed in a relationship (child) subquery: use them in the main WHERE');
    let all = this.childRows.get(soql);
    if (!all) {
      all = this.rows(soql);
      this.childRows.set(soql, all);
    }
    return page(all.filter((r) => same(r[child.field], record.Id)), args, (r) => new RecordNode(childObject, r));
  }

  private aggregate(object: ObjectSchema, args: Json): Json {
    pageSize(args.first);
    const rows = this.rows(this.soql(object, { where: args.where, scope: args.scope }));
    const paths = groupPaths(this.ctx, object, args.groupBy);
    const grouped = new Set(paths.map((p) => p.join('.')));
    const groups = new Map<string, Rec[]>();
    for (const row of rows) {
      const key = JSON.stringify(paths.map((p) => this.ctx.engine.get(object, row, p)));
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    // Without GROUP BY an aggregate query answers one row, even over no records.
    if (paths.length === 0 && groups.size === 0) groups.set('[]', []);
    let members = [...groups.values()];
    const order = aggregateOrder(this.ctx, object, args.orderBy);
    if (order.length) {
      const keyed = members.map((m) => ({ m, keys: order.map((o) => this.aggregateKey(object, m, o.path, o.fn, grouped)) }));
      keyed.sort((a, b) => {
        for (let i = 0; i < order.length; i += 1) {
          const [x, y] = [a.keys[i], b.keys[i]];
          if (x === y) continue;
          if (x === null) return order[i].nullsLast ? 1 : -1;
          if (y === null) return order[i].nullsLast ? -1 : 1;
          const c = x < y ? -1 : 1;
          return order[i].desc ? -c : c;
        }
        return 0;
      });
      members = keyed.map((k) => k.m);
    }
    return page(members, args, (m) => ({ aggregate: new AggregateNode(object, object, m, grouped, []) }));
  }

  private aggregateKey(object: ObjectSchema, members: Rec[], path: string[], fn: string | null, grouped: Set<string>): number | string | null {
    if (!fn) {
      if (!grouped.has(path.join('.'))) throw malformed(`Ordered field must be grouped or aggregated: ${path.join('.')}`);
      const v = members.length ? this.ctx.engine.get(object, members[0], path) : null;
      return v === null || v === undefined ? null : (v as number | string);
    }
    return computeAggregate(fn, members.map((m) => this.ctx.engine.get(object, m, path)));
  }

  private aggregateField(node: AggregateNode, name: string): unknown {
    const field = node.object.fields.get(name);
    if (!field) {
      const lookup = [...node.object.fields.values()].find((f) => f.relationshipName === name);
      const parent = lookup ? parentOf(this.ctx.store.schema, lookup) : undefined;
      return parent ? new AggregateNode(node.root, parent, node.members, node.grouped, [...node.prefix, name]) : null;
    }
    const path = [...node.prefix, field.name];
    const values = (): unknown[] => node.members.map((m) => this.ctx.engine.get(node.root, m, path));
    const groupedValue = (): unknown => {
      if (!node.grouped.has(path.join('.'))) throw malformed(`Field must be grouped or aggregated: ${path.join('.')}`);
      return node.members.length ? this.ctx.engine.get(node.root, node.members[0], path) : null;
    };
    const result = (fn: string, asField: FieldSchema = field) => (): Json => fieldValue(this.ctx, asField, computeAggregate(fn, values()));
    const count: FieldSchema = { ...field, type: 'int', scale: 0 };
    const average: FieldSchema = { ...field, type: 'double' };
    return {
      value: () => groupedValue(),
      displayValue: () => displayValue(this.ctx, field, groupedValue()),
      label: () => (field.type === 'picklist' ? groupedValue() : null),
      format: null,
      grouping: { value: 0, displayValue: null, format: null },
      count: result('COUNT', count),
      countDistinct: result('COUNT_DISTINCT', count),
      sum: result('SUM'),
      avg: result('AVG', average),
      min: result('MIN'),
      max: result('MAX')
    };
  }

  private objectInfos(apiNames: string[]): Json[] {
    return apiNames.map((apiName) => {
      const object = this.ctx.store.schema.objects.get(apiName);
      if (!object || !inUiApi(object)) throw new SoqlError('INVALID_TYPE', `Object ${apiName} is not supported in UI API`);
      return {
        ApiName: object.name,
        label: object.label,
        labelPlural: `${object.label}s`,
        keyPrefix: object.keyPrefix,
        custom: object.custom,
        createable: object.createable,
        updateable: object.createable,
        deletable: object.createable,
        queryable: object.queryable,
        searchable: true,
        layoutable: true,
        mruEnabled: true,
        feedEnabled: false,
        nameFields: object.fields.has('Name') ? ['Name'] : [],
        defaultRecordTypeId: null,
        dependentFields: [],
        recordTypeInfos: [],
        themeInfo: null,
        locale: 'en_US',
        childRelationships: object.childRelationships.map((c) => ({ childObjectApiName: c.childSObject, fieldName: c.field, junctionIdListNames: [], junctionReferenceTo: [], relationshipName: c.relationshipName, objectInfo: null })),
        fields: [...object.fields.values()].map((f) => ({
          __typename: f.type === 'picklist' || f.type === 'multipicklist' ? 'PicklistField' : 'StandardField',
          ApiName: f.name,
          label: f.label,
          dataType: f.type === 'id' ? 'STRING' : f.type.toUpperCase(),
          calculated: f.calculated,
          compound: false,
          controllingFields: [],
          createable: !f.calculated,
          custom: f.custom,
          filterable: true,
          highScaleNumber: false,
          htmlFormatted: false,
          nameField: f.name === 'Name',
          polymorphicForeignKey: false,
          precision: f.precision ?? null,
          scale: f.scale ?? null,
          reference: f.type === 'reference',
          referenceToInfos: f.referenceTo ? [{ ApiName: f.referenceTo, nameFields: ['Name'], objectInfo: null }] : [],
          relationshipName: f.relationshipName ?? null,
          required: f.required,
          sortable: sortable(f),
          updateable: f.updateable && !f.calculated,
          picklistValuesByRecordTypeIDs: f.picklistValues
            ? [{ recordTypeID: '012000000000000AAA', picklistValues: f.picklistValues.map((value) => ({ value, label: value, validFor: [] })), defaultValue: null }]
            : null
        }))
      };
    });
  }
}

function groupPaths(ctx: GraphqlContext, object: ObjectSchema, groupBy: unknown, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, value] of Object.entries((groupBy as Json | null) ?? {})) {
    if (!value) continue;
    const field = object.fields.get(key);
    if (field) {
      if (!groupable(field)) throw malformed(`field '${key}' can not be grouped in a query call`);
      if ((value as { group?: boolean | null }).group) out.push([...prefix, key]);
      continue;
    }
    const lookup = [...object.fields.values()].find((f) => f.relationshipName === key);
    const parent = lookup ? parentOf(ctx.store.schema, lookup) : undefined;
    if (parent) out.push(...groupPaths(ctx, parent, value, [...prefix, key]));
  }
  return out;
}

function aggregateOrder(ctx: GraphqlContext, object: ObjectSchema, orderBy: unknown, prefix: string[] = []): Array<{ path: string[]; fn: string | null; desc: boolean; nullsLast: boolean }> {
  const out: Array<{ path: string[]; fn: string | null; desc: boolean; nullsLast: boolean }> = [];
  for (const [key, value] of Object.entries((orderBy as Json | null) ?? {})) {
    if (!value) continue;
    if (object.fields.has(key)) {
      const clause = value as { function?: string | null; order?: string | null; nulls?: string | null };
      const desc = clause.order === 'DESC';
      out.push({ path: [...prefix, key], fn: clause.function ?? null, desc, nullsLast: clause.nulls ? clause.nulls === 'LAST' : desc });
      continue;
    }
    const lookup = [...object.fields.values()].find((f) => f.relationshipName === key);
    const parent = lookup ? parentOf(ctx.store.schema, lookup) : undefined;
    if (parent) out.push(...aggregateOrder(ctx, parent, value, [...prefix, key]));
  }
  return out;
}

function computeAggregate(fn: string, all: unknown[]): number | string | null {
  const values = all.filter((v) => v !== null && v !== undefined) as Array<number | string>;
  switch (fn) {
    case 'COUNT':
      return values.length;
    case 'COUNT_DISTINCT':
      return new Set(values.map(String)).size;
    case 'SUM':
      return values.length ? values.reduce<number>((s, v) => s + Number(v), 0) : null;
    case 'AVG':
      return values.length ? values.reduce<number>((s, v) => s + Number(v), 0) / values.length : null;
    case 'MIN':
    case 'MAX': {
      if (!values.length) return null;
      const sorted = typeof values[0] === 'number' ? [...values].sort((a, b) => Number(a) - Number(b)) : [...values].map(String).sort();
      return fn === 'MIN' ? sorted[0] : sorted[sorted.length - 1];
    }
    default:
      throw malformed(`${fn}() is not supported by the local org`);
  }
}

function errorBody(error: GraphQLError, errorType: string): GraphqlErrorBody {
  return {
    message: error.message,
    locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
    paths: [...(error.path ?? [])],
    extensions: { ErrorType: errorType }
  };
}

/** Answers a GraphQL request body as `POST /services/data/vXX.X/graphql` does. */
export function runGraphql(ctx: GraphqlContext, request: { query?: unknown; variables?: unknown; operationName?: unknown }): GraphqlResponse {
  const schema = uiApiSchema(ctx.store.schema);
  let document: DocumentNode;
  try {
    if (typeof request.query !== 'string' || request.query.trim() === '') throw new Error('the request has no query');
    document = parse(request.query);
  } catch (error) {
    const e = error as GraphQLError;
    return { data: null, errors: [{ message: `Invalid Syntax : ${e.message}`, locations: (e.locations ?? []).map(({ line, column }) => ({ line, column })), paths: [], extensions: { ErrorType: 'InvalidSyntax' } }] };
  }
  const invalid = validate(schema, document);
  if (invalid.length) return { data: null, errors: invalid.map((e) => ({ ...errorBody(e, 'ValidationError'), message: `Validation error : ${e.message}` })) };
  const executor = new Executor(ctx);
  const result = execute({
    schema,
    document,
    variableValues: (request.variables as Record<string, unknown> | null | undefined) ?? undefined,
    operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    fieldResolver: executor.resolve
  });
  if (result instanceof Promise) throw new Error('GraphQL resolvers of the local org are synchronous');
  const errors = (result.errors ?? []).map((e) => {
    // Variables that do not match their types are refused before anything runs.
    const type = e.path ? 'DataFetchingException' : 'ValidationError';
    return errorBody(e, type);
  });
  return { data: (result.data as Record<string, unknown> | null | undefined) ?? null, ...(errors.length ? { errors } : {}) };
}
