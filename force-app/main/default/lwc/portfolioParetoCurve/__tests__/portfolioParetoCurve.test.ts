import { createElement } from 'lwc';
import PortfolioParetoCurve from 'c/portfolioParetoCurve';
import { graphql } from 'lightning/graphql';
import { flushPromises } from 'test/jest-utils/flushPromises';
// The local org's answer to this component's own query on the sample data (npx tsx scripts/generate-graphql-fixtures.ts).
import revenue from './data/revenue.graphql.json';

jest.mock('@salesforce/label/c.MAM_Pareto_Summary', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Pareto_Summary'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Pareto_Outside_Cut', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Pareto_Outside_Cut'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Pareto_Share_Line', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Pareto_Share_Line'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Pareto_Cut_Line', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Pareto_Cut_Line'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Pareto_Unflagged_In_Cut', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Pareto_Unflagged_In_Cut'), { virtual: true });

type Emitter = { emit(value: unknown): void; emitErrors(errors: unknown): void; getLastConfig(): { variables?: Record<string, unknown> } };
const adapter = graphql as unknown as Emitter;
type Revenue = typeof revenue;

function mount(): HTMLElement {
  const element = createElement('c-portfolio-pareto-curve', { is: PortfolioParetoCurve }) as HTMLElement & { share: number; months: number; asOf: string };
  Object.assign(element, { share: 80, months: 12, asOf: '2026-11-24' });
  document.body.appendChild(element);
  return element;
}
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const copy = (): Revenue => JSON.parse(JSON.stringify(revenue)) as Revenue;

/** The curve as a reader of the chart would measure it: shares of accounts and revenue, computed here from the fixture. */
function expectedPoints(data: Revenue): Array<{ x: number; y: number }> {
  const values = data.uiapi.aggregate.Opportunity.edges.map((e) => Number(e.node.aggregate.Amount.sum.value)).sort((a, b) => b - a);
  const total = values.reduce((s, v) => s + v, 0);
  let running = 0;
  // Frame 320×220 with margins left 48, right 16, top 12, bottom 44: x 48…304, y 176…12.
  return values.map((v, i) => {
    running += v;
    return { x: Math.round((48 + (256 * (100 * (i + 1)) / values.length) / 100) * 10) / 10, y: Math.round((176 - (164 * (100 * running) / total) / 100) * 10) / 10 };
  });
}

describe('c-portfolio-pareto-curve', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('asks for closed-won revenue in the identification window', async () => {
    mount();
    await flushPromises();
    expect(adapter.getLastConfig().variables).toEqual({ from: '2025-11-25', to: '2026-11-24' });
  });

  it('says where the 80% line falls and whether the flagged accounts match it (the numbers sf mam identify prints)', async () => {
    const element = mount();
    adapter.emit(revenue);
    await flushPromises();
    expect(root(element).querySelector('.summary')?.textContent).toBe(
      'The top 7 accounts (23.3% of accounts with revenue) bring 80.4% of closed-won revenue of the last 12 months; 7 of them are flagged major.'
    );
    expect(root(element).querySelector('.outside')?.textContent).toBe('Flagged major but outside the cut (strategic reasons or an old flag): Relecloud Systems, Best For You Organics');
    expect(root(element).querySelector('.unflagged')).toBeNull();
  });

  it('draws the curve from the data, marks each major account and the cut', async () => {
    const element = mount();
    adapter.emit(revenue);
    await flushPromises();
    const svg = root(element).querySelector('svg.pareto-chart') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toContain('The top 7 accounts');
    const points = (root(element).querySelector('polyline.curve')?.getAttribute('points') ?? '').split(' ');
    expect(points[0]).toBe('48,176');
    expect(points.slice(1)).toEqual(expectedPoints(revenue).map((p) => `${p.x},${p.y}`));
    const markers = Array.from(root(element).querySelectorAll('circle.major'));
    expect(markers).toHaveLength(9);
    expect(markers.map((m) => `${m.getAttribute('cx')},${m.getAttribute('cy')}`)).toEqual(expect.arrayContaining([points[1], points[7]]));
    // The cut after the 7th of 30 accounts: x = 48 + 256 × 7/30.
    expect(root(element).querySelector('line.cut-line')?.getAttribute('x1')).toBe('107.7');
    // The 80% line: y = 176 − 164 × 0.8.
    expect(root(element).querySelector('line.share-line')?.getAttribute('y1')).toBe('44.8');
    // Both lines and both axes say what they are.
    expect(root(element).querySelector('.share-label')?.textContent).toBe('80% of revenue');
    expect(root(element).querySelector('.cut-label')?.textContent).toBe('Top 7');
    expect(root(element).querySelector('.x-title')?.textContent).toBe('c.MAM_Pareto_Axis_Accounts');
    expect(root(element).querySelector('.y-title')?.textContent).toBe('c.MAM_Pareto_Axis_Revenue');
    expect([svg.getAttribute('viewBox'), svg.getAttribute('height')]).toEqual(['0 0 320 220', '220']);
  });

  it('offers the same data as a table', async () => {
    const element = mount();
    adapter.emit(revenue);
    await flushPromises();
    (root(element).querySelector('lightning-button-stateful.toggle') as HTMLElement).click();
    await flushPromises();
    const rows = Array.from(root(element).querySelectorAll('table.pareto-table tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent));
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual(['1', 'Northwind Logistics', '$2,852,400', '39.4%', 'c.MAM_Pareto_Yes', 'c.MAM_Pareto_Yes']);
    // 30 rows scroll inside the card instead of overflowing it.
    const table = root(element).querySelector('table.pareto-table') as HTMLElement;
    expect(table.parentElement?.classList.contains('slds-scrollable')).toBe(true);
    expect(rows[7]).toEqual(['8', expect.any(String), expect.any(String), expect.any(String), 'c.MAM_Pareto_No', 'c.MAM_Pareto_No']);
    expect(root(element).querySelector('svg')).toBeNull();
  });

  it('names accounts inside the cut that nobody flagged', async () => {
    const data = copy();
    for (const list of [data.uiapi.query.majors, data.uiapi.query.earners]) {
      const adatum = list.edges.find((e) => e.node.Name.value === 'Adatum Retail Group');
      if (adatum) adatum.node.major.value = false;
    }
    const element = mount();
    adapter.emit(data);
    await flushPromises();
    expect(root(element).querySelector('.unflagged')?.textContent).toBe('Inside the cut but not flagged major: Adatum Retail Group');
  });

  it('warns when the org returned only part of the accounts, and handles no revenue and errors', async () => {
    const data = copy();
    data.uiapi.aggregate.Opportunity.pageInfo.hasNextPage = true;
    let element = mount();
    adapter.emit(data);
    await flushPromises();
    expect(root(element).querySelector('.truncated')?.textContent).toBe('c.MAM_Pareto_Truncated');
    document.body.innerHTML = '';

    element = mount();
    adapter.emit({ uiapi: { aggregate: { Opportunity: { pageInfo: { hasNextPage: false }, edges: [] } }, query: { majors: { pageInfo: { hasNextPage: false }, edges: [] }, earners: { pageInfo: { hasNextPage: false }, edges: [] } } } });
    await flushPromises();
    expect(root(element).querySelector('.no-revenue')?.textContent).toBe('c.MAM_Pareto_No_Revenue');
    document.body.innerHTML = '';

    element = mount();
    adapter.emitErrors([{ message: 'No access to Opportunity' }]);
    await flushPromises();
    expect(root(element).querySelector('c-error-panel')).not.toBeNull();
  });
});
