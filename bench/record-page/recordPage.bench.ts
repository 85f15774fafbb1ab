// Wire adapters each container uses to load, and render time of the milestone tracker at 50 and
// 500 milestones (median of repeated renders), written to bench/out/record-page.json.
import { createElement } from 'lwc';
import { writeFileSync, mkdirSync } from 'node:fs';
import MajorAccountPanel from 'c/majorAccountPanel';
import PlanHealthCard from 'c/planHealthCard';
import MilestoneTracker from 'c/milestoneTracker';
import PlanTeam from 'c/planTeam';
import AccountPlan from 'c/accountPlan';
import PlanObjectives from 'c/planObjectives';
import PlanInsights from 'c/planInsights';
import { graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { flushPromises } from 'test/jest-utils/flushPromises';

type Adapter = { emit(value: unknown): void; getLastConfig(): unknown };
const adapters: Record<string, Adapter> = { graphql: graphql as unknown as Adapter, getRecord: getRecord as unknown as Adapter, getObjectInfo: getObjectInfo as unknown as Adapter };

function milestones(count: number): unknown {
  const edges = Array.from({ length: count }, (_, i) => ({
    node: { Id: `a05${String(i).padStart(12, '0')}AAA`, Name: { value: `Milestone ${i}` }, Status__c: { value: ['Not Started', 'In Progress', 'Done', 'Blocked'][i % 4] }, Due_Date__c: { value: '2026-12-01' }, Completed_On__c: { value: null }, Days_Late__c: { value: i % 7 }, Relationship_Step__c: { value: null }, Owner__c: { value: null }, Owner__r: null }
  }));
  return { uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Milestones__r: { edges } } }] } } } };
}

function team(people: number): unknown {
  const edges = Array.from({ length: people }, (_, i) => ({
    node: { Id: `a02${String(i).padStart(12, '0')}AAA`, Side__c: { value: i % 2 ? 'Customer' : 'Seller' }, Role__c: { value: 'Influencer' }, C_Level__c: { value: i < 2 }, Influence__c: { value: 'Medium' }, Relationship_Strength__c: { value: 'Neutral' }, Committed__c: { value: false }, Reports_To__c: { value: i >= 2 ? `a02${String(Math.floor((i - 2) / 3)).padStart(12, '0')}AAA` : null }, User__r: null, Contact__r: { Name: { value: `Person ${i}` }, Title: { value: null } } }
  }));
  return { uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Backup_Account_Lead__c: { value: null }, Team_Roles__r: { edges } } }] } } } };
}

async function medianRender(tag: string, Component: unknown, data: unknown, check: (element: HTMLElement) => void): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const element = createElement(tag, { is: Component as never }) as HTMLElement & { recordId?: string };
    element.recordId = '001000000000001AAA';
    document.body.appendChild(element);
    const started = performance.now();
    adapters.graphql.emit(data);
    await flushPromises();
    runs.push(performance.now() - started);
    check(element);
    document.body.innerHTML = '';
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

const results: Record<string, unknown> = {};

describe('record page benchmark', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('counts the wire adapters each container uses to load', async () => {
    const containers: Array<[string, unknown]> = [['majorAccountPanel', MajorAccountPanel], ['accountPlan', AccountPlan], ['planObjectives', PlanObjectives], ['milestoneTracker', MilestoneTracker], ['planTeam', PlanTeam], ['planHealthCard', PlanHealthCard], ['planInsights', PlanInsights]];
    const wires: Record<string, string[]> = {};
    for (const [name, Component] of containers) {
      const before = Object.fromEntries(Object.entries(adapters).map(([k, a]) => [k, a.getLastConfig()]));
      const element = createElement(`c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, { is: Component as never }) as HTMLElement & { recordId?: string };
      element.recordId = `001${name.length}00000000001AAA`.slice(0, 18);
      document.body.appendChild(element);
      await flushPromises();
      wires[name] = Object.entries(adapters).filter(([k, a]) => a.getLastConfig() !== before[k]).map(([k]) => k);
      document.body.innerHTML = '';
    }
    results.wires = wires;
    expect(Object.keys(wires)).toHaveLength(7);
  });

  it('times the milestone tracker at 50 and 500 milestones', async () => {
    const timings: Record<number, number> = {};
    for (const count of [50, 500]) {
      const data = milestones(count);
      const runs: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const element = createElement('c-milestone-tracker', { is: MilestoneTracker }) as HTMLElement & { recordId?: string };
        element.recordId = '001000000000001AAA';
        document.body.appendChild(element);
        const started = performance.now();
        adapters.graphql.emit(data);
        await flushPromises();
        runs.push(performance.now() - started);
        expect(element.shadowRoot?.querySelectorAll('li.milestone').length).toBe(count);
        document.body.innerHTML = '';
      }
      timings[count] = runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    }
    results.milestoneTracker = { ms50: timings[50], ms500: timings[500], ratio: timings[500] / timings[50] };
    const ms10 = await medianRender('c-plan-team', PlanTeam, team(10), (element) => expect(element.shadowRoot?.querySelectorAll('lightning-tree').length).toBe(2));
    const ms100 = await medianRender('c-plan-team', PlanTeam, team(100), (element) => expect(element.shadowRoot?.querySelectorAll('lightning-tree').length).toBe(2));
    results.orgChart = { ms10, ms100, ratio: ms100 / ms10 };
    mkdirSync('bench/out', { recursive: true });
    writeFileSync('bench/out/record-page.json', JSON.stringify(results, null, 2));
  });
});
