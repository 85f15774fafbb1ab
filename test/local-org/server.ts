// The local org's HTTP surface: the documented Salesforce REST API shapes the CLI, jsforce,
// @salesforce/core and the official sf CLI use. Routes are few and explicit; anything else is
// answered NOT_FOUND in the platform's error shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectSchema } from './schema.js';
import { SoqlEngine, SoqlError, type ParsedQuery } from './soql.js';
import type { Rec, Store } from './store.js';
import type { Writer, WriteResult } from './writes.js';
import { processIngest, queryPage, type IngestJob, type QueryJob } from './bulk.js';
import { runGraphql } from './graphql/execute.js';

// truncate: the answer starts (status, headers, half the body) and the connection is then cut.
export type FaultKind = '503' | 'REQUEST_LIMIT_EXCEEDED' | 'UNABLE_TO_LOCK_ROW' | 'drop' | 'drop-after' | 'truncate' | 'delay';
export type FaultRule = {
  kind: FaultKind;
  method?: string;
  /** Matched against the normalised path (without the query string). */
  path: RegExp | string;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Let this many matching requests through first. */
  after?: number;
  /** For UNABLE_TO_LOCK_ROW on sObject Collections: only these record positions fail. */
  recordIndexes?: number[];
  /** For delay: how long the request waits before the org processes it (default 300 ms), so another client's request overtakes it. */
  delayMs?: number;
};
export type LoggedRequest = { method: string; path: string; query: string; status: number; fault?: FaultKind };

export type OrgContext = {
  store: Store;
  writer: Writer;
  engine: SoqlEngine;
  apiVersion: string;
  accessToken: () => string;
  orgId: string;
  user: Rec;
  baseUrl: () => string;
  log: LoggedRequest[];
  faults: Array<FaultRule & { seen: number; fired: number }>;
  onWrite: () => void;
  pageSize: number;
};

class HttpError extends Error {
  public constructor(public readonly status: number, public readonly errorCode: string, message: string) {
    super(message);
  }
}

const VERSIONS = Array.from({ length: 19 }, (_, i) => `${47 + i}.0`);

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/csv; charset=UTF-8' : 'application/json;charset=UTF-8', ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HttpError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
  }
}

function soapFault(code: string, message: string): string {
  const text = message.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="http://soap.sforce.com/2006/04/metadata"><soapenv:Body><soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${text}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
}

export function describeField(object: ObjectSchema, name: string): Record<string, unknown> {
  const field = object.fields.get(name)!;
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: field.type === 'boolean' ? 'xsd:boolean' : field.type === 'date' ? 'xsd:date' : ['double', 'currency', 'percent'].includes(field.type) ? 'xsd:double' : 'xsd:string',
    custom: field.custom,
    calculated: field.calculated,
    nillable: !field.required,
    createable: !field.calculated,
    updateable: field.updateable && !field.calculated,
    filterable: true,
    sortable: field.type !== 'textarea',
    groupable: !['textarea', 'double', 'currency', 'percent'].includes(field.type),
    aggregatable: true,
    defaultedOnCreate: field.type === 'boolean' || field.name === 'OwnerId',
    length: field.length ?? (['string', 'picklist', 'textarea'].includes(field.type) ? 255 : 0),
    precision: field.precision ?? 0,
    scale: field.scale ?? 0,
    picklistValues: (field.picklistValues ?? []).map((value) => ({ value, label: value, active: true, defaultValue: false })),
    restrictedPicklist: field.restricted ?? false,
    referenceTo: field.referenceTo ? [field.referenceTo] : [],
    relationshipName: field.relationshipName ?? null,
    calculatedFormula: field.formula ?? null
  };
}

export function createHandler(ctx: OrgContext): (req: IncomingMessage, res: ServerResponse) => void {
  const v = `/services/data/v${ctx.apiVersion}`;
  const queryCursors = new Map<string, Array<Record<string, unknown>>>();
  const queryJobs = new Map<string, QueryJob>();
  const ingestJobs = new Map<string, IngestJob>();
  let jobCounter = 0;

  const objectOr404 = (name: string): ObjectSchema => {
    const object = ctx.store.schema.object(name);
    if (!object) throw new HttpError(404, 'NOT_FOUND', `The requested resource does not exist: sObject type '${name}' is not supported.`);
    return object;
  };

  ctx.engine.registerCursor = (records, offset) => {
    const cursor = `01gLOCAL${String(++jobCounter).padStart(7, '0')}`;
    queryCursors.set(cursor, records);
    return `${v}/query/${cursor}-${offset}`;
  };

  const runQuery = (soql: string): Record<string, unknown> => {
    const parsed = ctx.engine.parse(soql);
    const { records, totalSize } = ctx.engine.run(parsed);
    return page(records, totalSize, parsed);
  };

  const page = (records: Array<Record<string, unknown>>, totalSize: number, parsed?: ParsedQuery): Record<string, unknown> => {
    if (records.length <= ctx.pageSize || parsed?.aggregate) return { totalSize, done: true, records };
    const cursor = `01gLOCAL${String(++jobCounter).padStart(7, '0')}`;
    queryCursors.set(cursor, records);
    return { totalSize, done: false, nextRecordsUrl: `${v}/query/${cursor}-${ctx.pageSize}`, records: records.slice(0, ctx.pageSize) };
  };

  const more = (locator: string): Record<string, unknown> => {
    const [cursor, offsetText] = locator.split('-');
    const records = queryCursors.get(cursor);
    if (!records) throw new HttpError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const offset = Number(offsetText);
    const end = offset + ctx.pageSize;
    const done = end >= records.length;
    if (done) queryCursors.delete(cursor);
    return { totalSize: records.length, done, ...(done ? {} : { nextRecordsUrl: `${v}/query/${cursor}-${end}` }), records: records.slice(offset, end) };
  };

  const collection = (method: string, body: string, url: URL, fault?: FaultRule): WriteResult[] => {
    if (method === 'DELETE') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      return ids.map((id) => ctx.writer.delete(id));
    }
    const request = json<{ allOrNone?: boolean; records?: Array<Record<string, unknown> & { attributes?: { type?: string } }> }>(body);
    const records = request.records ?? [];
    if (records.length > 200) throw new HttpError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
    const locked = new Set(fault?.kind === 'UNABLE_TO_LOCK_ROW' ? (fault.recordIndexes ?? records.map((_, i) => i)) : []);
    const results: WriteResult[] = records.map((record, i) => {
      if (locked.has(i)) return { id: typeof record.id === 'string' ? record.id : null, success: false, errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record or 1 records', fields: [] }] };
      const type = record.attributes?.type;
      if (!type) return { id: null, success: false, errors: [{ statusCode: 'INVALID_TYPE', message: 'Must specify a type in the attributes of each record', fields: [] }] };
      const { attributes: _a, id, Id, ...fields } = record;
      if (method === 'POST') return ctx.writer.create(type, fields);
      const recordId = String(id ?? Id ?? '');
      return ctx.writer.update(type, recordId, fields);
    });
    if (request.allOrNone && results.some((r) => !r.success)) {
      // Roll back: the local org applies writes one by one, so undo the successful ones.
      return results.map((r) => (r.success ? { id: r.id, success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] } : r));
    }
    return results;
  };

  const tree = (type: string, body: string): Record<string, unknown> => {
    const request = json<{ records: Array<Record<string, unknown>> }>(body);
    const results: Array<{ referenceId: string; id?: string; errors?: unknown[] }> = [];
    let hasErrors = false;
    const insert = (objectName: string, record: Record<string, unknown>, parentField?: string, parentId?: string): void => {
      const attributes = record.attributes as { type?: string; referenceId?: string } | undefined;
      const fields: Record<string, unknown> = {};
      const children: Array<[string, Array<Record<string, unknown>>]> = [];
      for (const [key, value] of Object.entries(record)) {
        if (key === 'attributes') continue;
        if (value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)) children.push([key, (value as { records: Array<Record<string, unknown>> }).records]);
        else fields[key] = value;
      }
      if (parentField && parentId) fields[parentField] = parentId;
      const result = ctx.writer.create(attributes?.type ?? objectName, fields);
      if (!result.success) {
        hasErrors = true;
        results.push({ referenceId: attributes?.referenceId ?? '', errors: result.errors.map((e) => ({ statusCode: e.statusCode, message: e.message, fields: e.fields })) });
        return;
      }
      results.push({ referenceId: attributes?.referenceId ?? '', id: result.id ?? undefined });
      const object = ctx.store.schema.object(attributes?.type ?? objectName);
      for (const [relationship, rows] of children) {
        const child = object?.childRelationships.find((c) => c.relationshipName.toLowerCase() === relationship.toLowerCase());
        for (const row of rows) insert(child?.childSObject ?? relationship, row, child?.field, result.id ?? undefined);
      }
    };
    for (const record of request.records ?? []) insert(type, record);
    if (hasErrors) {
      for (const r of results) if (r.id) ctx.writer.delete(r.id);
      return { hasErrors: true, results: results.filter((r) => r.errors) };
    }
    return { hasErrors: false, results };
  };

  const jobInfo = (job: QueryJob | IngestJob): Record<string, unknown> => ({
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: ctx.user.Id,
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(ctx.apiVersion),
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...(job.operation === 'query'
      ? { numberRecordsProcessed: job.state === 'JobComplete' ? (job.rows?.length ?? 0) : 0, retries: 0, totalProcessingTime: 0 }
      : { numberRecordsProcessed: job.processed, numberRecordsFailed: job.failedCount })
  });

  const route = async (req: IncomingMessage, path: string, url: URL, fault?: FaultRule): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const body = ['POST', 'PATCH', 'PUT'].includes(method) ? await readBody(req) : '';
    if (path === '/services/data' || path === '/services/data/') {
      return { status: 200, body: VERSIONS.map((version) => ({ label: `v${version}`, url: `/services/data/v${version}`, version })) };
    }
    if (path === '/services/oauth2/userinfo' || path.startsWith('/id/')) {
      return {
        status: 200,
        body: {
          sub: `${ctx.baseUrl()}/id/${ctx.orgId}/${ctx.user.Id}`,
          user_id: ctx.user.Id,
          organization_id: ctx.orgId,
          preferred_username: ctx.user.Username,
          username: ctx.user.Username,
          nickname: ctx.user.Alias,
          name: ctx.user.Name,
          email: ctx.user.Email,
          email_verified: true,
          given_name: ctx.user.FirstName,
          family_name: ctx.user.LastName,
          zoneinfo: 'Europe/London',
          active: true,
          user_type: 'STANDARD',
          language: 'en_US',
          locale: 'en_GB',
          is_app_installed: true,
          urls: { rest: `${ctx.baseUrl()}/services/data/v{version}/`, query: `${ctx.baseUrl()}/services/data/v{version}/query/`, sobjects: `${ctx.baseUrl()}/services/data/v{version}/sobjects/` }
        }
      };
    }
    const versioned = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    if (!versioned) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const rest = versioned[2] ?? '';
    if (rest === '' || rest === '/') {
      const names = ['sobjects', 'query', 'queryAll', 'composite', 'limits', 'jobs'];
      return { status: 200, body: Object.fromEntries(names.map((n) => [n, `/services/data/v${versioned[1]}/${n}`])) };
    }
    if (rest === '/limits') return { status: 200, body: { DailyApiRequests: { Max: 15000, Remaining: 15000 - ctx.log.length }, DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 - queryJobs.size } } };
    if (rest === '/sobjects') {
      return {
        status: 200,
        body: {
          encoding: 'UTF-8',
          maxBatchSize: 200,
          sobjects: [...ctx.store.schema.objects.values()].map((o) => ({
            name: o.name, label: o.label, labelPlural: `${o.label}s`, custom: o.custom, keyPrefix: o.keyPrefix, queryable: true,
            createable: o.createable, updateable: o.createable, deletable: o.createable, searchable: true, customSetting: false,
            urls: { sobject: `${v}/sobjects/${o.name}`, describe: `${v}/sobjects/${o.name}/describe`, rowTemplate: `${v}/sobjects/${o.name}/{ID}` }
          }))
        }
      };
    }
    let m = /^\/sobjects\/([^/]+)\/describe\/?$/.exec(rest);
    if (m && method === 'GET') {
      const object = objectOr404(m[1]);
      return {
        status: 200,
        body: {
          name: object.name, label: object.label, labelPlural: `${object.label}s`, custom: object.custom, keyPrefix: object.keyPrefix,
          queryable: true, createable: object.createable, updateable: object.createable, deletable: object.createable,
          fields: [...object.fields.keys()].map((name) => describeField(object, name)),
          childRelationships: object.childRelationships.map((c) => ({ childSObject: c.childSObject, field: c.field, relationshipName: c.relationshipName, cascadeDelete: false })),
          recordTypeInfos: [], urls: { sobject: `${v}/sobjects/${object.name}`, describe: `${v}/sobjects/${object.name}/describe` }
        }
      };
    }
    m = /^\/sobjects\/([^/]+)\/?$/.exec(rest);
    if (m) {
      const object = objectOr404(m[1]);
      if (method === 'POST') {
        const result = ctx.writer.create(object.name, json<Record<string, unknown>>(body));
        if (!result.success) return { status: 400, body: result.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })) };
        ctx.onWrite();
        return { status: 201, body: { id: result.id, success: true, errors: [] } };
      }
      return { status: 200, body: { objectDescribe: { name: object.name, label: object.label, keyPrefix: object.keyPrefix, custom: object.custom }, recentItems: [] } };
    }
    m = /^\/sobjects\/([^/]+)\/([a-zA-Z0-9]{15,18})\/?$/.exec(rest);
    if (m) {
      const object = objectOr404(m[1]);
      const found = ctx.store.find(m[2]);
      if (!found || found.type !== object.name) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (method === 'GET') {
        const fields = url.searchParams.get('fields')?.split(',').map((f) => f.trim()) ?? [...object.fields.keys()];
        const parsed = ctx.engine.parse(`SELECT ${fields.join(', ')} FROM ${object.name}`);
        return { status: 200, body: ctx.engine.shape(parsed, found.record) };
      }
      const result = method === 'DELETE' ? ctx.writer.delete(m[2]) : ctx.writer.update(object.name, m[2], json<Record<string, unknown>>(body));
      if (!result.success) return { status: 400, body: result.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })) };
      ctx.onWrite();
      return { status: 204 };
    }
    if (rest === '/graphql' && method === 'POST') {
      return { status: 200, body: runGraphql({ store: ctx.store, engine: ctx.engine, userId: ctx.user.Id }, json<Record<string, unknown>>(body)) };
    }
    if ((rest === '/query' || rest === '/queryAll' || rest === '/query/' || rest === '/queryAll/') && method === 'GET') {
      // columns=true: the columns the query would return, not its rows (sf data query lays out its table with it).
      if (url.searchParams.get('columns') === 'true') return { status: 200, body: ctx.engine.columnMetadata(ctx.engine.parse(url.searchParams.get('q') ?? '')) };
      return { status: 200, body: runQuery(url.searchParams.get('q') ?? '') };
    }
    m = /^\/query(?:All)?\/([^/]+)$/.exec(rest);
    if (m && method === 'GET') return { status: 200, body: more(m[1]) };
    if (rest === '/composite/sobjects' && ['POST', 'PATCH', 'DELETE'].includes(method)) {
      const results = collection(method, body, url, fault);
      ctx.onWrite();
      return { status: 200, body: results.map((r) => ({ id: r.id, success: r.success, errors: r.errors.map((e) => ({ statusCode: e.statusCode, message: e.message, fields: e.fields })) })) };
    }
    m = /^\/composite\/tree\/([^/]+)$/.exec(rest);
    if (m && method === 'POST') {
      const result = tree(objectOr404(m[1]).name, body);
      ctx.onWrite();
      return { status: result.hasErrors ? 400 : 201, body: result };
    }
    if (rest === '/jobs/query' && method === 'POST') {
      const request = json<{ query?: string; operation?: string }>(body);
      const parsed = ctx.engine.parse(request.query ?? '');
      if (parsed.aggregate) throw new HttpError(400, 'INVALIDJOB', 'Aggregate queries and GROUP BY are not supported by Bulk API 2.0 queries');
      if (parsed.select.some((s) => s.kind === 'subquery')) throw new HttpError(400, 'INVALIDJOB', 'Relationship subqueries are not supported by Bulk API 2.0 queries');
      const id = `750LOCAL${String(++jobCounter).padStart(7, '0')}`;
      const columns = parsed.select.map((s) => (s.kind === 'field' ? s.path.join('.') : ''));
      const job: QueryJob = { id, operation: 'query', object: parsed.object.name, state: 'UploadComplete', query: parsed, columns, polls: 0, createdDate: new Date().toISOString() };
      queryJobs.set(id, job);
      return { status: 200, body: jobInfo(job) };
    }
    m = /^\/jobs\/query\/([^/]+)(\/results)?$/.exec(rest);
    if (m) {
      const job = queryJobs.get(m[1]);
      if (!job) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (!m[2]) {
        if (method === 'DELETE') {
          queryJobs.delete(job.id);
          return { status: 204 };
        }
        if (method === 'PATCH') {
          job.state = 'Aborted';
          return { status: 200, body: jobInfo(job) };
        }
        // Jobs take a poll to run, as on the platform: UploadComplete → InProgress → JobComplete.
        job.polls += 1;
        if (job.state === 'UploadComplete') job.state = 'InProgress';
        else if (job.state === 'InProgress') {
          job.rows = ctx.engine.matching(job.query);
          job.state = 'JobComplete';
        }
        return { status: 200, body: jobInfo(job) };
      }
      if (job.state !== 'JobComplete') throw new HttpError(400, 'INVALIDJOBSTATE', `Job is not complete: ${job.state}`);
      const max = Number(url.searchParams.get('maxRecords') ?? 10000);
      const result = queryPage(ctx.engine, job, url.searchParams.get('locator'), max > 0 ? max : 10000);
      return { status: 200, body: result.csv, headers: { 'Sforce-Locator': result.next, 'Sforce-NumberOfRecords': String(result.count) } };
    }
    if (rest === '/jobs/ingest' && method === 'POST') {
      const request = json<{ object?: string; operation?: string; externalIdFieldName?: string }>(body);
      const object = objectOr404(request.object ?? '');
      if (!['insert', 'update', 'upsert', 'delete'].includes(request.operation ?? '')) throw new HttpError(400, 'INVALIDJOB', `operation ${request.operation} is not supported by the local org`);
      let externalIdFieldName: string | undefined;
      if (request.operation === 'upsert') {
        // The platform matches on Id or an External ID field; the local org has no External ID flag, so a unique field stands in.
        const field = object.byLowerName.get((request.externalIdFieldName ?? '').toLowerCase());
        if (!request.externalIdFieldName) throw new HttpError(400, 'INVALIDJOB', `InvalidJob : External ID was blank for ${object.name}. An External ID must be specified for upsert.`);
        if (!field || (field.name !== 'Id' && !field.unique)) throw new HttpError(400, 'INVALIDJOB', `InvalidJob : Field name provided, ${request.externalIdFieldName} does not match an External ID, Salesforce Id, or indexed field for ${object.name}`);
        externalIdFieldName = field.name;
      }
      const id = `750LOCAL${String(++jobCounter).padStart(7, '0')}`;
      const job: IngestJob = { id, operation: request.operation as IngestJob['operation'], object: object.name, externalIdFieldName, state: 'Open', csv: [], successful: [], failed: [], unprocessed: [], header: [], processed: 0, failedCount: 0, createdDate: new Date().toISOString() };
      ingestJobs.set(id, job);
      return { status: 200, body: jobInfo(job) };
    }
    m = /^\/jobs\/ingest\/([^/]+)(?:\/(batches|successfulResults|failedResults|unprocessedrecords))?\/?$/.exec(rest);
    if (m) {
      const job = ingestJobs.get(m[1]);
      if (!job) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
      switch (m[2]) {
        case 'batches':
          if (job.state !== 'Open') throw new HttpError(400, 'INVALIDJOBSTATE', 'Job is not open for uploads');
          job.csv.push(body);
          return { status: 201 };
        case 'successfulResults':
          return { status: 200, body: job.successful.join('') };
        case 'failedResults':
          return { status: 200, body: job.failed.join('') };
        case 'unprocessedrecords':
          return { status: 200, body: job.unprocessed.join('') || '\n' };
        default:
          if (method === 'PATCH') {
            const state = json<{ state?: string }>(body).state;
            if (state === 'UploadComplete') {
              job.state = 'UploadComplete';
              processIngest(ctx.store, ctx.writer, job);
              ctx.onWrite();
              job.state = 'InProgress';
            } else if (state === 'Aborted') job.state = 'Aborted';
            return { status: 200, body: jobInfo(job) };
          }
          if (method === 'DELETE') {
            ingestJobs.delete(job.id);
            return { status: 204 };
          }
          if (job.state === 'InProgress') job.state = 'JobComplete';
          return { status: 200, body: jobInfo(job) };
      }
    }
    throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
  };

  return (req, res) => {
    // The sf CLI stores instance URLs with a trailing slash, so requests arrive as //services/...
    // (which URL would read as a host name): collapse repeated slashes before parsing.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'http://localhost');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: LoggedRequest = { method, path, query: url.search, status: 0 };
    ctx.log.push(entry);
    const finish = (status: number, body?: unknown, headers?: Record<string, string>): void => {
      entry.status = status;
      send(res, status, body, headers);
    };
    if (/^\/services\/Soap\//i.test(path)) {
      // The SOAP APIs (Metadata API, Partner/Enterprise API) carry the session in the envelope and are
      // not imitated: answer with the platform's SOAP fault, never with a made-up success.
      void readBody(req).then((text) => {
        const session = /<(?:\w+:)?sessionId>([^<]*)</.exec(text)?.[1];
        const [code, message] = session === ctx.accessToken()
          ? ['API_DISABLED_FOR_ORG', `API_DISABLED_FOR_ORG: the local org does not imitate the SOAP APIs (${path.split('/')[3] === 'm' ? 'Metadata API: deploy, retrieve, list metadata' : 'SOAP API'}); use a real org`]
          : ['INVALID_SESSION_ID', 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session'];
        finish(500, soapFault(code, message), { 'Content-Type': 'text/xml; charset=UTF-8' });
      });
      return;
    }
    const authorised = path === '/services/data' || path === '/services/data/' || req.headers.authorization === `Bearer ${ctx.accessToken()}`;
    if (!authorised) {
      finish(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    const rule = ctx.faults.find((f) => (!f.method || f.method.toUpperCase() === method) && (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path)) && f.fired < (f.times ?? 1) && f.seen++ >= (f.after ?? 0));
    if (rule) {
      rule.fired += 1;
      entry.fault = rule.kind;
      if (rule.kind === 'drop') {
        entry.status = -1;
        req.socket.destroy();
        return;
      }
      if (rule.kind === '503') return finish(503, [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }]);
      if (rule.kind === 'REQUEST_LIMIT_EXCEEDED') return finish(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
      if (rule.kind === 'UNABLE_TO_LOCK_ROW' && !path.endsWith('/composite/sobjects')) {
        return finish(400, [{ message: 'unable to obtain exclusive access to this record', errorCode: 'UNABLE_TO_LOCK_ROW' }]);
      }
    }
    const wait = rule?.kind === 'delay' ? new Promise<void>((resolve) => setTimeout(resolve, rule.delayMs ?? 300)) : Promise.resolve();
    wait
      .then(() => route(req, path, url, rule?.kind === 'UNABLE_TO_LOCK_ROW' ? rule : undefined))
      .then(({ status, body, headers }) => {
        if (rule?.kind === 'truncate') {
          const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
          entry.status = -1;
          res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/csv; charset=UTF-8' : 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
          res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
          return;
        }
        if (rule?.kind === 'drop-after') {
          // The work is done but the answer never arrives: the client cannot know the outcome.
          entry.status = -1;
          req.socket.destroy();
          return;
        }
        finish(status, body, headers);
      })
      .catch((error: unknown) => {
        if (error instanceof HttpError) finish(error.status, [{ message: error.message, errorCode: error.errorCode }]);
        else if (error instanceof SoqlError) finish(400, [{ message: error.message, errorCode: error.errorCode }]);
        else finish(500, [{ message: error instanceof Error ? error.message : String(error), errorCode: 'UNKNOWN_EXCEPTION' }]);
      });
  };
}
