// Round trips of the Major Account tab: the wire adapters each container uses to load.
import { createElement } from 'lwc';
import MajorAccountPanel from 'c/majorAccountPanel';
import AccountPlan from 'c/accountPlan';
import PlanObjectives from 'c/planObjectives';
import MilestoneTracker from 'c/milestoneTracker';
import PlanTeam from 'c/planTeam';
import PlanHealthCard from 'c/planHealthCard';
import PlanInsights from 'c/planInsights';
import { graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { flushPromises } from 'test/jest-utils/flushPromises';

type Adapter = { getLastConfig(): unknown };
const adapters: Record<string, Adapter> = { graphql: graphql as unknown as Adapter, getRecord: getRecord as unknown as Adapter, getObjectInfo: getObjectInfo as unknown as Adapter };

const containers: Array<[string, unknown, string[]]> = [
  ['c-major-account-panel', MajorAccountPanel, ['getRecord', 'getObjectInfo']],
  ['c-account-plan', AccountPlan, ['graphql']],
  ['c-plan-objectives', PlanObjectives, ['graphql']],
  ['c-milestone-tracker', MilestoneTracker, ['graphql']],
  ['c-plan-team', PlanTeam, ['graphql']],
  // The review's object info (cached by LDS across the page) says who may record a review and write its health snapshot.
  ['c-plan-health-card', PlanHealthCard, ['graphql', 'getObjectInfo']],
  ['c-plan-insights', PlanInsights, ['graphql']]
];

describe('Major Account tab round trips', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  for (const [tag, Component, expected] of containers) {
    it(`${tag} loads with ${expected.join(' + ')}`, async () => {
      const before = Object.fromEntries(Object.entries(adapters).map(([name, adapter]) => [name, adapter.getLastConfig()]));
      const element = createElement(tag, { is: Component as never }) as HTMLElement & { recordId?: string };
      element.recordId = `001${String(tag.length).padStart(12, '0')}AAA`;
      document.body.appendChild(element);
      await flushPromises();
      const used = Object.entries(adapters).filter(([name, adapter]) => adapter.getLastConfig() !== before[name]).map(([name]) => name);
      expect(used).toEqual(expected);
    });
  }
});
