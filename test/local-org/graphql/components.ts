// The components' own GraphQL, as it ships: every gql`…` literal of the built component modules
// (force-app/main/default/lwc/<c>/<c>.js, what `npm run build` emits and the platform compiles),
// and the variables each component's jest test asks with, mapped onto the sample data.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type OperationDefinitionNode } from 'graphql';

export const LWC_DIR = 'force-app/main/default/lwc';
/** The day the sample data is written for, and the day the components' jest tests freeze. */
export const SAMPLE_DAY = '2026-11-24';

export type ComponentQuery = { component: string; operation: string; query: string; file: string };

/** Every gql literal in the built components, by component and operation name. */
export function componentQueries(root = process.cwd()): ComponentQuery[] {
  const out: ComponentQuery[] = [];
  for (const component of readdirSync(join(root, LWC_DIR)).sort()) {
    const file = join(LWC_DIR, component, `${component}.js`);
    if (!existsSync(join(root, file))) continue;
    const source = readFileSync(join(root, file), 'utf8');
    for (const match of source.matchAll(/\bgql`([^`]*)`/g)) {
      if (match[1].includes('${')) throw new Error(`${file}: a gql literal with an interpolation cannot be checked as text`);
      const operation = parse(match[1]).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      out.push({ component, operation: operation?.name?.value ?? '(anonymous)', query: match[1], file });
    }
  }
  return out;
}

/**
 * What to ask each query with. The jest tests use made-up record ids (001000000000001AAA for the
 * Northwind fixtures, …002AAA for Contoso): here the same accounts are found by name in the sample
 * data. `expect` says what the local org must answer today: 'data', or the SOQL rule it breaks.
 */
export type QueryCase = {
  component: string;
  operation: string;
  /** A short name for the case, used for the generated fixture's file name. */
  name: string;
  account?: string;
  /** Variables as the jest test asserts them; `$ACCOUNT` and `$USER` are filled in from the org. */
  variables?: Record<string, unknown>;
  expect: 'data' | { rejects: string; path: string[] };
};

const MAJOR = { Major_Account__c: { eq: true } };
// "My team" as the component asks it since issue 14: a semi-join on User, its OR inside the sub-select.
const MINE = { OwnerId: { inq: { User: { or: [{ Id: { eq: '$USER' } }, { ManagerId: { eq: '$USER' } }] }, ApiName: 'Id' } } };
/** What the component asked before issue 14: an OR beside the plan semi-join, which SOQL refuses. */
export const OLD_MINE = { or: [{ OwnerId: { eq: '$USER' } }, { Owner: { ManagerId: { eq: '$USER' } } }] };
const PORTFOLIO = { first: 200, after: null, from: '2025-11-25', to: SAMPLE_DAY, reviewsFrom: '2025-11-25' };
export const OR_WITH_SEMI_JOIN = "Semi join sub-selects are not allowed with the 'OR' operator";

export const QUERY_CASES: QueryCase[] = [
  { component: 'accountPlan', operation: 'accountPlans', name: 'northwind', account: 'Northwind Logistics', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  { component: 'majorAccountPortfolio', operation: 'portfolioSettings', name: 'settings', expect: 'data' },
  // majorAccountPortfolio.test.ts: the first page, as the component asks once the settings are read.
  { component: 'majorAccountPortfolio', operation: 'portfolio', name: 'portfolio', variables: { ...PORTFOLIO, where: { and: [MAJOR] } }, expect: 'data' },
  // The same test's filter combinations (portfolioWhere): status alone keeps the semi-join valid…
  {
    component: 'majorAccountPortfolio', operation: 'portfolio', name: 'portfolio-status', expect: 'data',
    variables: { ...PORTFOLIO, where: { and: [MAJOR, { Id: { inq: { Account_Plan__c: { and: [{ Status__c: { eq: 'Active' } }, { Health_Status__c: { eq: 'Off Track' } }] }, ApiName: 'Account__c' } } }] } }
  },
  // …and so does "my team" beside it, now that it is a semi-join too (mine + Tier 1 + Off Track + Vendor, and mine + No active plan).
  {
    component: 'majorAccountPortfolio', operation: 'portfolio', name: 'portfolio-mine-status-stage', expect: 'data',
    variables: {
      ...PORTFOLIO,
      where: { and: [MAJOR, MINE, { Major_Account_Tier__c: { eq: 'Tier 1' } }, { Id: { inq: { Account_Plan__c: { and: [{ Status__c: { eq: 'Active' } }, { Health_Status__c: { eq: 'Off Track' } }, { Relationship_Stage__c: { eq: 'Vendor' } }] }, ApiName: 'Account__c' } } }] }
    }
  },
  {
    component: 'majorAccountPortfolio', operation: 'portfolio', name: 'portfolio-mine-no-plan', expect: 'data',
    variables: { ...PORTFOLIO, where: { and: [MAJOR, MINE, { Major_Account_Tier__c: { eq: 'Tier 1' } }, { Id: { ninq: { Account_Plan__c: { Status__c: { eq: 'Active' } }, ApiName: 'Account__c' } } }] } }
  },
  { component: 'milestoneTracker', operation: 'milestones', name: 'contoso', account: 'Contoso Pharma', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  { component: 'planHealthCard', operation: 'planHealth', name: 'contoso', account: 'Contoso Pharma', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  // The preview shows the whole tab for one account (Northwind): its health and milestones too.
  { component: 'planHealthCard', operation: 'planHealth', name: 'northwind', account: 'Northwind Logistics', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  { component: 'milestoneTracker', operation: 'milestones', name: 'northwind', account: 'Northwind Logistics', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  { component: 'planInsights', operation: 'insights', name: 'northwind', account: 'Northwind Logistics', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  { component: 'planObjectives', operation: 'objectives', name: 'northwind', account: 'Northwind Logistics', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  { component: 'planTeam', operation: 'team', name: 'northwind', account: 'Northwind Logistics', variables: { accountId: '$ACCOUNT' }, expect: 'data' },
  // portfolioParetoCurve.test.ts: the window ending on the frozen day (flagged accounts and accounts
  // with revenue as two aliased queries since issue 14, not one `or` around a semi-join).
  { component: 'portfolioParetoCurve', operation: 'paretoRevenue', name: 'revenue', variables: { from: '2025-11-25', to: SAMPLE_DAY }, expect: 'data' }
];

/** The case's variables with the sample account's id and the running user's id filled in. */
export function caseVariables(c: QueryCase, ids: { account?: string; user: string }): Record<string, unknown> | undefined {
  if (!c.variables) return undefined;
  return JSON.parse(JSON.stringify(c.variables), (_key, value: unknown) => (value === '$ACCOUNT' ? ids.account : value === '$USER' ? ids.user : value)) as Record<string, unknown>;
}

const PACKAGE_NAME = /^([A-Za-z][A-Za-z0-9_]*?__(?:c|r))(?=$|_[A-Z]|Connection$|Edge$)/;

/**
 * The query as a subscriber org of the namespaced package receives it: package names in the gql
 * literal (fields, filter and order keys, type names such as `Account_Plan__c_Filter`, and — an
 * assumption no offline test can confirm — API names in string values like objectInfos' apiNames)
 * carry the prefix. Aliases stay as written: they are the answer's keys. Variables are not touched.
 */
export function inNamespace(query: string, namespace: string): string {
  if (!namespace) return query;
  const prefix = (name: string): string => (name.startsWith(`${namespace}__`) ? name : name.replace(PACKAGE_NAME, `${namespace}__$1`));
  return print(
    visit(parse(query), {
      Field: (node) => ({ ...node, name: { ...node.name, value: prefix(node.name.value) } }),
      ObjectField: (node) => ({ ...node, name: { ...node.name, value: prefix(node.name.value) } }),
      NamedType: (node) => ({ ...node, name: { ...node.name, value: prefix(node.name.value) } }),
      StringValue: (node) => ({ ...node, kind: Kind.STRING, value: prefix(node.value) })
    })
  );
}

/** Package names in filter keys and ApiName values, prefixed as @salesforce/schema imports resolve in a subscriber org. */
export function prefixPackageNames(value: Record<string, unknown> | undefined, namespace: string): Record<string, unknown> | undefined {
  if (!value) return value;
  const prefix = (name: string): string => (/^[A-Za-z][A-Za-z0-9_]*__c$/.test(name) && !name.startsWith(`${namespace}__`) ? `${namespace}__${name}` : name);
  return JSON.parse(JSON.stringify(value), function (this: Record<string, unknown>, key: string, v: unknown) {
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, inner]) => [prefix(k), k === 'ApiName' && typeof inner === 'string' ? prefix(inner) : inner]));
    return v;
  }) as Record<string, unknown>;
}
