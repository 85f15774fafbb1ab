import { createElement } from 'lwc';
import MajorAccountPortfolio from 'c/majorAccountPortfolio';
import { graphql } from 'lightning/graphql';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { flushPromises } from 'test/jest-utils/flushPromises';
// The local org's answers to this component's own queries on the sample data (npx tsx scripts/generate-graphql-fixtures.ts).
import settings from './data/settings.graphql.json';
import portfolio from './data/portfolio.graphql.json';

// The formatted labels are mocked with their real text so the numbers a manager reads can be asserted.
jest.mock('@salesforce/label/c.MAM_Portfolio_Showing', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Portfolio_Showing'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Portfolio_Partial', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Portfolio_Partial'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Portfolio_Attention_Review_Overdue', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Portfolio_Attention_Review_Overdue'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Portfolio_Attention_Never_Reviewed', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Portfolio_Attention_Never_Reviewed'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Portfolio_Attention_Moved_Off_Track', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Portfolio_Attention_Moved_Off_Track'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Health_Status_At_Risk', () => ({ default: 'At Risk' }), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Portfolio_Status_With_Score', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Portfolio_Status_With_Score'), { virtual: true });
// This file runs as an admin (the custom permission granted); majorAccountPortfolioAccess.test.ts as a manager.
jest.mock('@salesforce/customPermission/View_Major_Account_Settings', () => ({ default: true }), { virtual: true });

type Config = { variables?: Record<string, unknown> };
type Emitter = {
  emit(value: unknown, filter?: (config: Config) => boolean): void;
  emitErrors(errors: unknown, filter?: (config: Config) => boolean): void;
  getLastConfig(): Config;
};
const adapter = graphql as unknown as Emitter;
const TODAY = '2026-11-24';
// Each wire is told apart by its configuration: the settings query has no variables.
const isSettings = (config: Config): boolean => 'query' in config && !('variables' in config);
const isPortfolio = (config: Config): boolean => 'variables' in config && config.variables?.where !== undefined;

function mount(): HTMLElement {
  const element = createElement('c-major-account-portfolio', { is: MajorAccountPortfolio });
  document.body.appendChild(element);
  return element;
}
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const cells = (element: HTMLElement, col: string): string[] => Array.from(root(element).querySelectorAll(`table.portfolio tbody [data-col="${col}"]`)).map((c) => c.textContent?.trim() ?? '');

async function loaded(data: unknown = portfolio): Promise<HTMLElement> {
  const element = mount();
  await flushPromises();
  adapter.emit(settings, isSettings);
  await flushPromises();
  adapter.emit(data, isPortfolio);
  await flushPromises();
  return element;
}

/** A page of generated major accounts, as the GraphQL API returns it. */
function page(from: number, count: number, total: number, next: string | null): unknown {
  const edges = Array.from({ length: count }, (_, i) => ({
    node: {
      Id: `001${String(from + i).padStart(12, '0')}AAA`,
      Name: { value: `Account ${String(from + i).padStart(4, '0')}` },
      Major_Account_Tier__c: { value: 'Tier 2' },
      Owner: { Name: { value: 'Alex Admin' } },
      Account_Plans__r: { edges: [] }
    }
  }));
  return { uiapi: { query: { Account: { totalCount: total, pageInfo: { hasNextPage: next !== null, endCursor: next }, edges }, Plan_Review__c: { edges: [] } }, aggregate: { Plan_Milestone__c: { edges: [] }, Opportunity: { edges: [] } } } };
}

async function changeFilter(element: HTMLElement, name: string, value: string): Promise<void> {
  root(element).querySelector(`lightning-combobox[data-filter="${name}"]`)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

async function sortBy(element: HTMLElement, key: string): Promise<void> {
  (root(element).querySelector(`button.sort[data-key="${key}"]`) as HTMLButtonElement).click();
  await flushPromises();
}

describe('c-major-account-portfolio', () => {
  beforeAll(() => {
    jest.useFakeTimers({ now: new Date(`${TODAY}T12:00:00Z`), doNotFake: ['setTimeout', 'nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterAll(() => jest.useRealTimers());
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
    resetNavigation();
  });

  it('reads the settings first, then asks for the first 200 major accounts with the identification window from them', async () => {
    const element = mount();
    await flushPromises();
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    adapter.emit(settings, isSettings);
    await flushPromises();
    const { variables } = adapter.getLastConfig();
    expect(variables).toEqual({ where: { and: [{ Major_Account__c: { eq: true } }] }, first: 200, after: null, from: '2025-11-25', to: TODAY, reviewsFrom: '2025-11-25' });
  });

  it('lists every major account of the sample data with its plan, health, late milestones, review, readiness and revenue', async () => {
    const element = await loaded();
    expect(cells(element, 'name')).toEqual([
      'Adatum Retail Group', 'Best For You Organics', 'Contoso Pharma', 'Fabrikam Energy', 'Litware Insurance', 'Northwind Logistics', 'Proseware Foods', 'Relecloud Systems', 'Tailspin Airlines'
    ]);
    const row = (name: string): Record<string, string> => {
      const tr = Array.from(root(element).querySelectorAll('table.portfolio tbody tr')).find((r) => r.querySelector('[data-col="name"]')?.textContent === name) as HTMLElement;
      return Object.fromEntries(Array.from(tr.querySelectorAll('[data-col]')).map((c) => [(c as HTMLElement).dataset.col, c.textContent?.trim() ?? '']));
    };
    expect(row('Northwind Logistics')).toEqual({
      name: 'Northwind Logistics', tier: 'Tier 1', owner: 'Alex Admin', plan: 'Northwind Logistics — Account Plan FY27', stage: 'Preferred Supplier',
      score: '87', status: 'c.MAM_Health_Status_On_Track', late: '0', lastReview: '2026-10-20', readiness: '7/8', revenue: '$2,852,400'
    });
    expect(row('Contoso Pharma')).toMatchObject({ score: '56', status: 'At Risk', late: '2', lastReview: '2026-07-01', revenue: '$1,427,400' });
    expect(row('Fabrikam Energy')).toMatchObject({ score: '7', late: '6', lastReview: 'c.MAM_Health_Never' });
    expect(row('Tailspin Airlines')).toMatchObject({ plan: 'c.MAM_Portfolio_No_Plan', score: '', status: '', late: '', revenue: '$278,800' });
    expect(root(element).querySelector('.showing')?.textContent).toBe('9 of 9 major accounts');
    expect(root(element).querySelector('.partial')).toBeNull();
    expect(root(element).querySelector('.load-more')).toBeNull();
  });

  it('sorts by a column on click, numbers largest first, again to reverse; empty values stay last', async () => {
    const element = await loaded();
    await sortBy(element, 'score');
    expect(cells(element, 'score').slice(0, 4)).toEqual(['87', '56', '7', '']);
    expect(root(element).querySelector('th[data-key="score"]')?.getAttribute('aria-sort')).toBe('descending');
    expect(root(element).querySelector('th[data-key="name"]')?.getAttribute('aria-sort')).toBe('none');
    await sortBy(element, 'score');
    expect(cells(element, 'score').slice(0, 4)).toEqual(['7', '56', '87', '']);
    expect(root(element).querySelector('th[data-key="score"]')?.getAttribute('aria-sort')).toBe('ascending');
    await sortBy(element, 'revenue');
    expect(cells(element, 'name').slice(0, 3)).toEqual(['Northwind Logistics', 'Contoso Pharma', 'Adatum Retail Group']);
  });

  it('filters on the server: my team, tier, and status or stage of the active plan; a new filter starts from the first page', async () => {
    const element = await loaded();
    await changeFilter(element, 'scope', 'mine');
    await changeFilter(element, 'tier', 'Tier 1');
    await changeFilter(element, 'status', 'Off Track');
    await changeFilter(element, 'stage', 'Vendor');
    const { variables } = adapter.getLastConfig();
    expect(variables?.after).toBeNull();
    expect(variables?.where).toEqual({
      and: [
        { Major_Account__c: { eq: true } },
        // "My team" is a semi-join on User: SOQL refuses an OR beside the plan semi-join.
        { OwnerId: { inq: { User: { or: [{ Id: { eq: '005000000000000000' } }, { ManagerId: { eq: '005000000000000000' } }] }, ApiName: 'Id' } } },
        { Major_Account_Tier__c: { eq: 'Tier 1' } },
        { Id: { inq: { Account_Plan__c: { and: [{ Status__c: { eq: 'Active' } }, { Health_Status__c: { eq: 'Off Track' } }, { Relationship_Stage__c: { eq: 'Vendor' } }] }, ApiName: 'Account__c' } } }
      ]
    });
    await changeFilter(element, 'status', 'No active plan');
    expect((adapter.getLastConfig().variables?.where as { and: unknown[] }).and[3]).toEqual({ Id: { ninq: { Account_Plan__c: { Status__c: { eq: 'Active' } }, ApiName: 'Account__c' } } });
  });

  it('says when the trend had more reviews than one answer holds, and not otherwise', async () => {
    let element = await loaded();
    expect(root(element).querySelector('.reviews-truncated')).toBeNull();
    document.body.innerHTML = '';
    const cut = JSON.parse(JSON.stringify(portfolio)) as { uiapi: { query: { Plan_Review__c: { pageInfo: { hasNextPage: boolean } } } } };
    cut.uiapi.query.Plan_Review__c.pageInfo.hasNextPage = true;
    element = await loaded(cut);
    expect(root(element).querySelector('.reviews-truncated')?.textContent).toBe('c.MAM_Portfolio_Reviews_Truncated');
  });

  it('pages past 200 rows with the cursor and says how many are loaded until all are', async () => {
    const element = await loaded(page(0, 200, 250, 'cursor-200'));
    expect(root(element).querySelectorAll('table.portfolio tbody tr')).toHaveLength(200);
    expect(root(element).querySelector('.showing')?.textContent).toBe('200 of 250 major accounts');
    expect(root(element).querySelector('.partial')?.textContent).toContain('200 accounts loaded of 250');
    (root(element).querySelector('.load-more') as HTMLElement).click();
    await flushPromises();
    expect(adapter.getLastConfig().variables?.after).toBe('cursor-200');
    adapter.emit(page(200, 50, 250, null), isPortfolio);
    await flushPromises();
    expect(root(element).querySelectorAll('table.portfolio tbody tr')).toHaveLength(250);
    expect(root(element).querySelector('.showing')?.textContent).toBe('250 of 250 major accounts');
    expect(root(element).querySelector('.load-more')).toBeNull();
    expect(root(element).querySelector('.partial')).toBeNull();
  });

  it('"Load all" follows the cursor page after page on its own', async () => {
    const element = await loaded(page(0, 200, 450, 'c1'));
    (root(element).querySelector('.load-all') as HTMLElement).click();
    await flushPromises();
    expect(adapter.getLastConfig().variables?.after).toBe('c1');
    adapter.emit(page(200, 200, 450, 'c2'), isPortfolio);
    await flushPromises();
    expect(adapter.getLastConfig().variables?.after).toBe('c2');
    adapter.emit(page(400, 50, 450, null), isPortfolio);
    await flushPromises();
    expect(root(element).querySelectorAll('table.portfolio tbody tr')).toHaveLength(450);
  });

  it('lists what needs attention, most severe first (Off Track, At Risk, then no active plan), with the status, each linking to the account', async () => {
    const element = await loaded();
    const items = Array.from(root(element).querySelectorAll('section.attention > ul > li')).map((li) => ({
      name: li.querySelector('a')?.textContent,
      status: li.querySelector('.slds-badge')?.textContent ?? null,
      reasons: Array.from(li.querySelectorAll('.reason')).map((r) => r.textContent)
    }));
    expect(items.slice(0, 2)).toEqual([
      { name: 'Fabrikam Energy', status: 'c.MAM_Health_Status_Off_Track (7)', reasons: ['Never reviewed, 327 days into the plan', 'c.MAM_Portfolio_Attention_No_Seller_Executive', 'c.MAM_Portfolio_Attention_No_Customer_Executive'] },
      { name: 'Contoso Pharma', status: 'At Risk (56)', reasons: ['Review overdue by 56 days'] }
    ]);
    expect(items.slice(2).map((i) => i.name)).toEqual(['Adatum Retail Group', 'Best For You Organics', 'Litware Insurance', 'Proseware Foods', 'Relecloud Systems', 'Tailspin Airlines']);
    expect(items[2]).toEqual({ name: 'Adatum Retail Group', status: null, reasons: ['c.MAM_Portfolio_Attention_No_Plan'] });
    const link = root(element).querySelector('section.attention a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/lightning/r/Account/001000000000009AAA/view');
    link.click();
    expect(getNavigateCalledWith()).toEqual({ type: 'standard__recordPage', attributes: { recordId: '001000000000009AAA', objectApiName: 'Account', actionName: 'view' } });
  });

  it('puts the table first on the page, before the attention list and the charts', async () => {
    const element = await loaded();
    const order = ['table.portfolio', 'section.attention', 'c-portfolio-health-chart', 'c-portfolio-pareto-curve'].map((selector) => root(element).querySelector(selector) as Element);
    for (let i = 1; i < order.length; i += 1) expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(root(element).querySelector('table.portfolio')?.parentElement?.classList.contains('slds-scrollable')).toBe(true);
  });

  it('flags a plan that fell to Off Track since its last review', async () => {
    const data = JSON.parse(JSON.stringify(portfolio));
    const fabrikam = data.uiapi.query.Account.edges.find((e: { node: { Name: { value: string } } }) => e.node.Name.value === 'Fabrikam Energy').node;
    const planId = fabrikam.Account_Plans__r.edges[0].node.Id;
    fabrikam.Account_Plans__r.edges[0].node.Last_Review_Date__c = { value: '2026-10-01' };
    data.uiapi.query.Plan_Review__c.edges.push({ node: { Id: 'a07000000000999AAA', Plan__c: { value: planId }, Review_Date__c: { value: '2026-10-01' }, Health_At_Review__c: { value: 61 } } });
    const element = await loaded(data);
    const fabrikamItem = Array.from(root(element).querySelectorAll('section.attention > ul > li')).find((li) => li.querySelector('a')?.textContent === 'Fabrikam Energy');
    expect(Array.from(fabrikamItem?.querySelectorAll('.reason') ?? []).map((r) => r.textContent)[0]).toBe('Off Track now, At Risk at the last review');
  });

  it('passes the charts the counts by status and the monthly health at reviews of the accounts shown', async () => {
    const element = await loaded();
    const chart = root(element).querySelector('c-portfolio-health-chart') as HTMLElement & { distribution: Array<{ status: string; count: number }>; trend: Array<{ month: string; average: number | null; reviews: number }> };
    expect(chart.distribution.map((d) => [d.status, d.count])).toEqual([['On Track', 1], ['At Risk', 1], ['Off Track', 1], ['No active plan', 6]]);
    expect(chart.trend).toHaveLength(12);
    expect(chart.trend.filter((p) => p.average !== null)).toEqual([{ month: '2026-07', average: 73, reviews: 2 }, { month: '2026-10', average: 85, reviews: 1 }]);
    const pareto = root(element).querySelector('c-portfolio-pareto-curve') as HTMLElement & { share: number; months: number; asOf: string };
    expect([pareto.share, pareto.months, pareto.asOf]).toEqual([80, 12, TODAY]);
  });

  it('shows admins the settings in force, read-only', async () => {
    const element = await loaded();
    const rows = Array.from(root(element).querySelectorAll('c-portfolio-settings')).flatMap((s) => Array.from((s.shadowRoot as ShadowRoot).querySelectorAll('tbody tr')));
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => (r as HTMLElement).dataset.field)).toContain('Pareto_Share__c');
  });

  it('says so when no major account matches, and still shows the 80/20 curve to find them', async () => {
    const element = await loaded(page(0, 0, 0, null));
    expect(root(element).querySelector('.empty')?.textContent).toBe('c.MAM_Portfolio_Empty');
    expect(root(element).querySelector('table.portfolio')).toBeNull();
    expect(root(element).querySelector('c-portfolio-pareto-curve')).not.toBeNull();
  });

  it('shows the error panel when a query fails', async () => {
    const element = mount();
    await flushPromises();
    adapter.emit(settings, isSettings);
    await flushPromises();
    adapter.emitErrors([{ message: 'Field Health_Status__c is not accessible' }], isPortfolio);
    await flushPromises();
    expect(root(element).querySelector('c-error-panel')).not.toBeNull();
    expect(root(element).querySelector('table.portfolio')).toBeNull();
  });

  it('explains when the settings cannot be read instead of guessing them', async () => {
    const element = mount();
    await flushPromises();
    adapter.emit({ uiapi: { query: { Account: { edges: [{ node: { Id: '001000000000001AAA', Major_Account_Settings__c: { value: null } } }] } } } }, isSettings);
    await flushPromises();
    expect(root(element).querySelector('.no-settings')?.textContent).toBe('c.MAM_Portfolio_No_Settings');
    expect(adapter.getLastConfig().variables).toBeUndefined();
  });

  it('is accessible: a labelled table, sortable headers as buttons, filters with labels', async () => {
    const element = await loaded();
    const table = root(element).querySelector('table.portfolio') as HTMLElement;
    expect(table.getAttribute('aria-label')).toBe('c.MAM_Portfolio_Title');
    expect(root(element).querySelectorAll('th[aria-sort] button.sort')).toHaveLength(11);
    expect(Array.from(root(element).querySelectorAll('lightning-combobox')).every((c) => Boolean((c as HTMLElement & { label: string }).label))).toBe(true);
    expect(root(element).querySelectorAll('tbody th[scope="row"]')).toHaveLength(9);
  });
});
