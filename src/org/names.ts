// In a subscriber org the package's objects and fields carry its namespace prefix
// (mam__Account_Plan__c). Code names them without a prefix; OrgNames adds it where needed.
import type { Connection } from '@salesforce/core';

const PACKAGE_OBJECTS = ['Account_Plan__c', 'Plan_Objective__c', 'Plan_Milestone__c', 'Account_Team_Role__c', 'Plan_Review__c', 'Plan_Insight__c', 'Major_Account_Setting__mdt'];

export class OrgNames {
  public constructor(public readonly namespace: string) {}

  /** `Account_Plan__c` → `ns__Account_Plan__c`; standard names and already-prefixed names pass through. */
  public api(name: string): string {
    if (!this.namespace) return name;
    return name
      .split('.')
      .map((part) => (/__(c|r|mdt)$/.test(part) && !/^[A-Za-z0-9]+__[A-Za-z0-9_]+__(c|r|mdt)$/.test(part) ? `${this.namespace}__${part}` : part))
      .join('.');
  }

  /** `ns__Account_Plan__c` → `Account_Plan__c`, for reading records back into domain names. */
  public local(name: string): string {
    return this.namespace && name.startsWith(`${this.namespace}__`) ? name.slice(this.namespace.length + 2) : name;
  }

  /** Record with org field names → record with package-local names (nested records too). */
  public toLocal<T>(record: Record<string, unknown>): T {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      out[this.local(key)] = value !== null && typeof value === 'object' && !Array.isArray(value) && key !== 'attributes'
        ? this.toLocalNested(value as Record<string, unknown>)
        : value;
    }
    return out as T;
  }

  private toLocalNested(value: Record<string, unknown>): unknown {
    if (Array.isArray(value.records)) {
      return { ...value, records: (value.records as Array<Record<string, unknown>>).map((r) => this.toLocal(r)) };
    }
    return this.toLocal(value);
  }

  /** Record with package-local names → org names, for writes. */
  public toOrg(record: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === 'Id' || key === 'attributes' ? key : this.api(key), value]));
  }
}

export type NamespaceResolution = { names: OrgNames; packageFound: boolean };

/**
 * Finds the package's namespace from the org's object list: `Account_Plan__c` (no namespace,
 * e.g. a scratch org with the source deployed) or `<ns>__Account_Plan__c` (installed package).
 */
export async function resolveNamespace(connection: Connection, explicit?: string): Promise<NamespaceResolution> {
  const global = await connection.describeGlobal();
  const names = new Set(global.sobjects.map((s) => s.name));
  if (explicit !== undefined) {
    const ns = explicit.replace(/__$/, '');
    const orgNames = new OrgNames(ns);
    return { names: orgNames, packageFound: names.has(orgNames.api('Account_Plan__c')) };
  }
  if (names.has('Account_Plan__c')) return { names: new OrgNames(''), packageFound: true };
  const prefixed = [...names].map((name) => /^([A-Za-z0-9]+)__Account_Plan__c$/.exec(name)).find((m) => m !== null);
  return prefixed ? { names: new OrgNames(prefixed[1]), packageFound: true } : { names: new OrgNames(''), packageFound: false };
}

export { PACKAGE_OBJECTS };
