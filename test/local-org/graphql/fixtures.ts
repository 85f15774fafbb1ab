// Jest fixtures from the components' own queries: the local org, seeded with the sample data and
// with the critical few flagged as `sf mam identify --apply` does, answers each component's built
// query with the variables its jest test uses; the `data` of that answer is the fixture
// (`<component>/__tests__/data/<case>.graphql.json`). Queries the org refuses get no fixture.
import { join } from 'node:path';
import { applyIdentification, connect, SAMPLE_SEED } from '../../portfolio/fixtures.js';
import { startLocalOrg, type LocalOrg } from '../index.js';
import { SoqlEngine } from '../soql.js';
import { runGraphql } from './execute.js';
import { caseVariables, componentQueries, inNamespace, LWC_DIR, prefixPackageNames, QUERY_CASES, SAMPLE_DAY, type QueryCase } from './components.js';

export type GraphqlFixture = { path: string; case: QueryCase; data: unknown };
export type Refused = { case: QueryCase; errors: unknown };

export const fixturePath = (c: QueryCase, namespace = ''): string => join(LWC_DIR, c.component, '__tests__', 'data', `${c.name}${namespace ? `.${namespace}` : ''}.graphql.json`);

/** The namespace of the subscriber-org fixtures: the components render the same from them (force-app/test/__tests__/namespacedRender.test.ts). */
export const FIXTURE_NAMESPACE = 'mam';

/** The running user's id as the jest tests know it: each local org has its own (derived from its port). */
export const FIXTURE_USER_ID = '005000000000001AAA';

function withStableUser(data: unknown, userId: string): unknown {
  return JSON.parse(JSON.stringify(data).split(userId).join(FIXTURE_USER_ID)) as unknown;
}

/**
 * Runs every case that must answer against `org` (in process, the same code as over HTTP). With a
 * namespace, `org` is a subscriber org of the namespaced package: the query's package names are
 * prefixed as the platform does, and the variables' as @salesforce/schema imports resolve there
 * (one case per component: the filter variations are covered without a namespace).
 */
export function readGraphqlFixtures(org: LocalOrg, root = process.cwd(), namespace = ''): { fixtures: GraphqlFixture[]; refused: Refused[] } {
  const queries = componentQueries(root);
  const fixtures: GraphqlFixture[] = [];
  const refused: Refused[] = [];
  const engine = new SoqlEngine(org.store);
  for (const c of QUERY_CASES.filter((x) => !namespace || !x.name.startsWith('portfolio-'))) {
    const query = queries.find((q) => q.component === c.component && q.operation === c.operation);
    if (!query) throw new Error(`${c.component} has no query named ${c.operation} in its built module`);
    const account = c.account ? org.records('Account').find((a) => a.Name === c.account)?.Id : undefined;
    if (c.account && !account) throw new Error(`the sample data has no account named ${c.account}`);
    const variables = caseVariables(c, { account, user: org.userId });
    const answer = runGraphql(
      { store: org.store, engine, userId: org.userId },
      namespace ? { query: inNamespace(query.query, namespace), variables: prefixPackageNames(variables, namespace) } : { query: query.query, variables }
    );
    if (answer.errors) refused.push({ case: c, errors: answer.errors });
    else fixtures.push({ path: fixturePath(c, namespace), case: c, data: withStableUser(answer.data, org.userId) });
  }
  return { fixtures, refused };
}

/** Seeds a local org with the sample data, flags the critical few and reads the fixtures. */
export async function buildGraphqlFixtures(today = SAMPLE_DAY): Promise<{ fixtures: GraphqlFixture[]; refused: Refused[] }> {
  const plain = await readFrom(today, '');
  const namespaced = await readFrom(today, FIXTURE_NAMESPACE);
  return { fixtures: [...plain.fixtures, ...namespaced.fixtures], refused: [...plain.refused, ...namespaced.refused] };
}

async function readFrom(today: string, namespace: string): Promise<{ fixtures: GraphqlFixture[]; refused: Refused[] }> {
  const org = await startLocalOrg({ seed: SAMPLE_SEED, today, ...(namespace ? { namespace } : {}) });
  try {
    await applyIdentification(await connect(org), today);
    return readGraphqlFixtures(org, process.cwd(), namespace);
  } finally {
    await org.close();
  }
}
