// The local org: a stand-in of the Salesforce REST API for tests and the offline demo.
// It is test infrastructure, never the product: the CLI's real target is always a real org.
//
//   const org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: '2026-11-24' });
//   new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: org.apiVersion });
//   org.faults.push({ kind: '503', method: 'PATCH', path: '/composite/sobjects', times: 2 });
//   org.requestLog            // every request: method, path, query, status, fault
//   org.records('Account')    // what is stored, for assertions
//   await org.close();
//
// Options: seed (an `sf data import tree` plan), namespace (serve package names as ns__X__c, as a
// subscriber org would), today (the date formulas and date literals use), persistFile (keep the
// records in a JSON file across restarts), port, pageSize (query page size, 2,000 as the platform),
// childPageSize (child subquery records before a nextRecordsUrl),
// users (extra users), assignPermissionSets (give the running user the package's permission sets).
// Each local org has its own org id, user id and username (from persistFile or seed, and the port;
// see localOrgIdentity); numbers are stored at their field's scale, as on the platform.
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { OrgSchema } from './schema.js';
import { SoqlEngine } from './soql.js';
import { makeId, Store, type Rec } from './store.js';
import { Writer } from './writes.js';
import { createHandler, type FaultRule, type LoggedRequest, type OrgContext } from './server.js';
import { childText, childrenNamed, loadProject } from '../../scripts/lib/metadata/project.js';

export type { FaultRule, LoggedRequest } from './server.js';

export type LocalOrgOptions = {
  seed?: string;
  /** A multi-currency org: the corporate currency and each active currency's rate against it (corporate 1). */
  currencies?: { corporate: string; rates: Record<string, number> };
  namespace?: string;
  today?: string;
  persistFile?: string;
  port?: number;
  pageSize?: number;
  /** Child subquery records per parent before nextRecordsUrl (the platform pages big child lists); all at once when unset. */
  childPageSize?: number;
  users?: Array<{ FirstName: string; LastName: string; Username?: string; Email?: string; Title?: string }>;
  assignPermissionSets?: string[];
  root?: string;
};

export type LocalOrg = {
  instanceUrl: string;
  accessToken: string;
  apiVersion: string;
  orgId: string;
  userId: string;
  username: string;
  namespace: string;
  requestLog: LoggedRequest[];
  faults: FaultRule[];
  store: Store;
  schema: OrgSchema;
  /** Stored records of an object (package names without the namespace are accepted). */
  records(type: string): Rec[];
  /** Creates records as `sf data import tree` would; returns referenceId → id. */
  importTree(planPath: string): Map<string, string>;
  /** Makes the current access token invalid (INVALID_SESSION_ID from now on). */
  expireSession(): void;
  close(): Promise<void>;
};

const API_VERSION = '62.0';

/**
 * Org id, running user id and username of a local org, derived from what it is started with (the
 * seed or persisted file, and the port): stable for the same seed and port, different otherwise,
 * so an undo file or ids file from one local org is refused by another, as between real orgs.
 */
export function localOrgIdentity(source: string, port: number): { orgId: string; userId: string; username: string; userNumber: number } {
  let hash = 0x811c9dc5; // FNV-1a
  for (const char of `${source}|${port}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const n = (hash % 99_999_999) + 1;
  const userNumber = n * 1000;
  return { orgId: makeId('00D', n), userId: makeId('005', userNumber + 1), username: `admin.${n.toString(36)}@mam.local`, userNumber: userNumber + 1 };
}

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;

export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const root = options.root ?? process.cwd();
  const namespace = options.namespace ?? '';
  const schema = new OrgSchema(namespace, root);
  if (options.currencies) schema.enableMultiCurrency();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const store = new Store(schema, today);
  if (options.currencies) {
    const { corporate, rates } = options.currencies;
    store.currencyRates = { ...rates, [corporate]: 1 };
    store.corporateCurrency = corporate;
    for (const [iso, rate] of Object.entries(store.currencyRates)) {
      store.insert('CurrencyType', { Id: store.newId('CurrencyType'), IsoCode: iso, ConversionRate: rate, IsCorporate: iso === corporate, IsActive: true, DecimalPlaces: 2 });
    }
  }
  // Listen first: the org's identity comes from its seed and port, as every real org has its own.
  // (requests are answered from when the handler is added below; no client knows the URL before)
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const { orgId, userId, username, userNumber } = localOrgIdentity(options.persistFile ?? options.seed ?? '', port);
  const user: Rec = { Id: userId, Username: username, FirstName: 'Alex', LastName: 'Admin', Name: 'Alex Admin', Alias: 'aadmin', Email: 'admin@mam.local', IsActive: true, Title: 'Sales Operations' };
  let accessToken = `${orgId}!LOCAL.${Math.random().toString(36).slice(2)}`;
  const writer = new Writer(store, () => user.Id);
  const engine = new SoqlEngine(store);
  engine.apiVersion = API_VERSION;
  engine.childPageSize = options.childPageSize;
  const log: LoggedRequest[] = [];
  const faults: Array<FaultRule & { seen: number; fired: number }> = [];

  store.insert('User', user);
  store.insert('Organization', { Id: orgId, Name: 'Local Org (Major Account Management)', OrganizationType: 'Developer Edition', IsSandbox: false, InstanceName: 'LOCAL', NamespacePrefix: null, LanguageLocaleKey: 'en_US', TrialExpirationDate: null });
  (options.users ?? []).forEach((u, i) => {
    const id = makeId('005', userNumber + i + 1);
    store.insert('User', { Id: id, IsActive: true, Alias: `${u.FirstName[0]}${u.LastName}`.slice(0, 8).toLowerCase(), Username: u.Username ?? `${u.FirstName}.${u.LastName}@mam.local`.toLowerCase(), Email: u.Email ?? `${u.FirstName}.${u.LastName}@mam.local`.toLowerCase(), Title: u.Title ?? null, FirstName: u.FirstName, LastName: u.LastName });
  });
  const project = loadProject(root);
  // Settings records (Custom Metadata) from force-app, queryable like any object.
  for (const file of project.files.filter((f) => f.root.name === 'CustomMetadata')) {
    const [type, developerName] = basename(file.path).replace('.md-meta.xml', '').split('.');
    const objectName = schema.api(`${type}__mdt`);
    const record: Rec = { Id: store.newId(objectName), DeveloperName: developerName, MasterLabel: childText(file.root, 'label') ?? developerName, Label: childText(file.root, 'label') ?? developerName, QualifiedApiName: developerName, NamespacePrefix: namespace || null };
    for (const value of childrenNamed(file.root, 'values')) {
      const field = schema.objects.get(objectName)?.fields.get(schema.api(childText(value, 'field') ?? ''));
      const text = childText(value, 'value');
      if (field) record[field.name] = text === undefined ? null : ['double', 'currency', 'percent', 'int'].includes(field.type) ? Number(text) : field.type === 'boolean' ? text === 'true' : text;
    }
    store.insert(objectName, record);
  }
  // The package's permission sets, and the running user's assignments.
  const permissionSetDir = join(root, 'force-app/main/default/permissionsets');
  const assign = new Set(options.assignPermissionSets ?? ['Major_Account_Admin']);
  for (const name of existsSync(permissionSetDir) ? readdirSync(permissionSetDir) : []) {
    const setName = name.replace('.permissionset-meta.xml', '');
    const id = store.newId('PermissionSet');
    store.insert('PermissionSet', { Id: id, Name: setName, Label: setName.replace(/_/g, ' '), NamespacePrefix: namespace || null, IsOwnedByProfile: false });
    if (assign.has(setName)) store.insert('PermissionSetAssignment', { Id: store.newId('PermissionSetAssignment'), AssigneeId: user.Id, PermissionSetId: id });
  }

  const importTree = (planPath: string): Map<string, string> => {
    const refs = new Map<string, string>();
    const plan = JSON.parse(readFileSync(planPath, 'utf8')) as Array<{ sobject: string; resolveRefs?: boolean; saveRefs?: boolean; files: string[] }>;
    for (const step of plan) {
      for (const file of step.files) {
        const tree = JSON.parse(readFileSync(join(dirname(planPath), file), 'utf8')) as { records: TreeRecord[] };
        for (const record of tree.records) {
          const fields: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(record)) {
            if (key === 'attributes') continue;
            const resolved = typeof value === 'string' && value.startsWith('@') && step.resolveRefs ? refs.get(value.slice(1)) : value;
            if (typeof value === 'string' && value.startsWith('@') && resolved === undefined) throw new Error(`${file}: ${record.attributes.referenceId}.${key} references ${value}, which is not saved`);
            fields[schema.api(key)] = resolved;
          }
          const result = writer.create(schema.api(record.attributes.type), fields);
          if (!result.success || !result.id) throw new Error(`${file}: ${record.attributes.referenceId}: ${result.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`);
          refs.set(record.attributes.referenceId, result.id);
        }
      }
    }
    return refs;
  };

  const persist = options.persistFile;
  let saving = false;
  const onWrite = (): void => {
    if (!persist || saving) return;
    saving = true;
    setImmediate(() => {
      saving = false;
      const data = Object.fromEntries([...store.tables].map(([type, rows]) => [type, [...rows.values()]]));
      writeFileSync(persist, JSON.stringify(data));
    });
  };
  if (persist && existsSync(persist)) {
    const data = JSON.parse(readFileSync(persist, 'utf8')) as Record<string, Rec[]>;
    for (const [type, rows] of Object.entries(data)) for (const row of rows) if (!store.find(row.Id)) store.insert(type, row);
  } else if (options.seed) {
    try {
      importTree(options.seed);
    } catch (error) {
      server.close();
      throw error;
    }
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const context: OrgContext = {
    store,
    writer,
    engine,
    apiVersion: API_VERSION,
    accessToken: () => accessToken,
    orgId,
    user,
    baseUrl: () => baseUrl,
    log,
    faults,
    onWrite,
    pageSize: options.pageSize ?? 2000
  };
  server.on('request', createHandler(context));

  return {
    instanceUrl: baseUrl,
    get accessToken() {
      return accessToken;
    },
    apiVersion: API_VERSION,
    orgId,
    userId: user.Id,
    username: String(user.Username),
    namespace,
    requestLog: log,
    faults: new Proxy(faults, {
      get(target, property, receiver) {
        if (property === 'push') return (...rules: FaultRule[]) => target.push(...rules.map((r) => ({ ...r, seen: 0, fired: 0 })));
        return Reflect.get(target, property, receiver) as unknown;
      }
    }) as unknown as FaultRule[],
    store,
    schema,
    records: (type) => store.all(schema.object(schema.api(type))?.name ?? type),
    importTree,
    expireSession: () => {
      accessToken = `${orgId}!EXPIRED.${Math.random().toString(36).slice(2)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
