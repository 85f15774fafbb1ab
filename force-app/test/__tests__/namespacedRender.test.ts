// A subscriber org of the managed package answers every query with the package namespace on its
// object and field names. The components alias every package name and resolve the names they put
// in variables through @salesforce/schema imports, so they must render exactly the same from a
// namespaced org's answers (*.mam.graphql.json: the local org with --namespace mam answering the
// components' own built queries) as from an org without a namespace.
import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { flushPromises } from 'test/jest-utils/flushPromises';
import AccountPlan from 'c/accountPlan';
import MilestoneTracker from 'c/milestoneTracker';
import PlanHealthCard from 'c/planHealthCard';
import PlanInsights from 'c/planInsights';
import PlanObjectives from 'c/planObjectives';
import PlanTeam from 'c/planTeam';
import MajorAccountPortfolio from 'c/majorAccountPortfolio';
import PortfolioParetoCurve from 'c/portfolioParetoCurve';
import plans from '../../main/default/lwc/accountPlan/__tests__/data/northwind.graphql.json';
import plansNs from '../../main/default/lwc/accountPlan/__tests__/data/northwind.mam.graphql.json';
import milestones from '../../main/default/lwc/milestoneTracker/__tests__/data/contoso.graphql.json';
import milestonesNs from '../../main/default/lwc/milestoneTracker/__tests__/data/contoso.mam.graphql.json';
import health from '../../main/default/lwc/planHealthCard/__tests__/data/contoso.graphql.json';
import healthNs from '../../main/default/lwc/planHealthCard/__tests__/data/contoso.mam.graphql.json';
import insights from '../../main/default/lwc/planInsights/__tests__/data/northwind.graphql.json';
import insightsNs from '../../main/default/lwc/planInsights/__tests__/data/northwind.mam.graphql.json';
import objectives from '../../main/default/lwc/planObjectives/__tests__/data/northwind.graphql.json';
import objectivesNs from '../../main/default/lwc/planObjectives/__tests__/data/northwind.mam.graphql.json';
import team from '../../main/default/lwc/planTeam/__tests__/data/northwind.graphql.json';
import teamNs from '../../main/default/lwc/planTeam/__tests__/data/northwind.mam.graphql.json';
import settings from '../../main/default/lwc/majorAccountPortfolio/__tests__/data/settings.graphql.json';
import settingsNs from '../../main/default/lwc/majorAccountPortfolio/__tests__/data/settings.mam.graphql.json';
import portfolio from '../../main/default/lwc/majorAccountPortfolio/__tests__/data/portfolio.graphql.json';
import portfolioNs from '../../main/default/lwc/majorAccountPortfolio/__tests__/data/portfolio.mam.graphql.json';
import revenue from '../../main/default/lwc/portfolioParetoCurve/__tests__/data/revenue.graphql.json';
import revenueNs from '../../main/default/lwc/portfolioParetoCurve/__tests__/data/revenue.mam.graphql.json';

type Config = { variables?: Record<string, unknown> };
type Emitter = { emit(value: unknown, filter?: (config: Config) => boolean): void };
const adapter = graphql as unknown as Emitter;
const objectInfo = getObjectInfo as unknown as { emit(value: unknown): void };
const TODAY = '2026-11-24';

/** Everything a person could read, through every shadow root. */
function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    const element = n as Element;
    for (const attribute of ['label', 'title', 'alternative-text', 'aria-label']) {
      const value = element.getAttribute?.(attribute);
      if (value) parts.push(value);
    }
    const shadow = (n as Element & { shadowRoot?: ShadowRoot }).shadowRoot;
    if (shadow) shadow.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

async function render(tag: string, is: unknown, props: Record<string, unknown>, feed: () => void): Promise<string> {
  const element = createElement(tag, { is: is as never }) as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  await flushPromises();
  feed();
  await flushPromises();
  await flushPromises();
  const text = visibleText(element);
  document.body.innerHTML = '';
  return text;
}

const cards: Array<[string, unknown, unknown, unknown, string]> = [
  ['c-account-plan', AccountPlan, plans, plansNs, 'Northwind'],
  ['c-milestone-tracker', MilestoneTracker, milestones, milestonesNs, 'Joint planning session'],
  ['c-plan-health-card', PlanHealthCard, health, healthNs, 'Contoso Pharma — Account Plan FY27'],
  ['c-plan-insights', PlanInsights, insights, insightsNs, 'FleetCare'],
  ['c-plan-objectives', PlanObjectives, objectives, objectivesNs, 'Grow fleet services revenue'],
  ['c-plan-team', PlanTeam, team, teamNs, 'Executive Sponsor']
];

describe('the Major Account tab and the portfolio page in a subscriber org of the namespaced package', () => {
  beforeAll(() => {
    jest.useFakeTimers({ now: new Date(`${TODAY}T12:00:00Z`), doNotFake: ['setTimeout', 'nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterAll(() => jest.useRealTimers());
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  for (const [tag, is, plain, namespaced, expected] of cards) {
    it(`${tag} shows the same from a namespaced org's answer`, async () => {
      const feed = (data: unknown) => (): void => {
        adapter.emit(data);
        objectInfo.emit({ apiName: 'mam__Plan_Review__c', createable: true, fields: { mam__Health_At_Review__c: { createable: true } } });
      };
      const withoutNamespace = await render(tag, is, { recordId: '001000000000006AAA' }, feed(plain));
      const withNamespace = await render(tag, is, { recordId: '001000000000006AAA' }, feed(namespaced));
      expect(withoutNamespace).toContain(expected);
      expect(withNamespace).toBe(withoutNamespace);
    });
  }

  it('c-major-account-portfolio shows the same from a namespaced org\'s answers', async () => {
    const isSettings = (config: Config): boolean => 'query' in config && !('variables' in config);
    const isPortfolio = (config: Config): boolean => 'variables' in config && config.variables?.where !== undefined;
    const element = async (s: unknown, p: unknown): Promise<string> => {
      const e = createElement('c-major-account-portfolio', { is: MajorAccountPortfolio as never }) as HTMLElement;
      document.body.appendChild(e);
      await flushPromises();
      adapter.emit(s, isSettings);
      await flushPromises();
      adapter.emit(p, isPortfolio);
      await flushPromises();
      const text = visibleText(e);
      document.body.innerHTML = '';
      return text;
    };
    const withoutNamespace = await element(settings, portfolio);
    const withNamespace = await element(settingsNs, portfolioNs);
    expect(withoutNamespace).toContain('Fabrikam Energy');
    expect(withNamespace).toBe(withoutNamespace);
  });

  it('c-portfolio-pareto-curve shows the same from a namespaced org\'s answer', async () => {
    const props = { share: 80, months: 12, asOf: TODAY };
    const withoutNamespace = await render('c-portfolio-pareto-curve', PortfolioParetoCurve, props, () => adapter.emit(revenue));
    const withNamespace = await render('c-portfolio-pareto-curve', PortfolioParetoCurve, props, () => adapter.emit(revenueNs));
    expect(withoutNamespace).toContain('Northwind Logistics');
    expect(withNamespace).toBe(withoutNamespace);
  });
});
