import { createElement } from 'lwc';
import PlanHealthCard from 'c/planHealthCard';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { flushPromises } from 'test/jest-utils/flushPromises';
import { healthInputFrom, planHealth } from 'c/mamService';
import contosoPlan from './data/contosoPlan.json';
import contosoChildren from './data/contosoChildren.json';

type Emitter = { emit(value: unknown): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
const adapter = graphql as unknown as Emitter;
const TODAY = '2026-11-24';

function mount(): HTMLElement {
  const element = createElement('c-plan-health-card', { is: PlanHealthCard }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000002AAA';
  document.body.appendChild(element);
  return element;
}
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

describe('c-plan-health-card', () => {
  beforeAll(() => {
    jest.useFakeTimers({ now: new Date(`${TODAY}T12:00:00Z`), doNotFake: ['setTimeout', 'nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterAll(() => jest.useRealTimers());
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('asks one GraphQL query for the account\'s active plan', async () => {
    mount();
    await flushPromises();
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000002AAA' });
  });

  it('shows score, status, the parts, the reasons and readiness of the plan', async () => {
    const element = mount();
    adapter.emit(contosoPlan);
    await flushPromises();
    expect(root(element).querySelector('.score')?.textContent).toBe('56');
    expect(root(element).querySelector('.slds-badge')?.textContent).toBe('c.MAM_Health_Status_At_Risk');
    expect(root(element).querySelector('[data-part="execution"] .part-score')?.textContent).toBe('38');
    const reasons = Array.from(root(element).querySelectorAll('.reasons li')).map((li) => li.textContent);
    expect(reasons).toEqual(['oldest open milestone 40 days late', 'no review in 146 days', 'no backup lead', '1 objective(s) not agreed']);
    expect(root(element).querySelector('.readiness-count')?.textContent).toBe('5 / 8');
  });

  it('shows the same readiness as the health model computed from the plan\'s records', async () => {
    const element = mount();
    adapter.emit(contosoPlan);
    await flushPromises();
    const { plan, ...children } = contosoChildren as unknown as { plan: Record<string, unknown>; milestones: Array<Record<string, unknown>>; teamRoles: Array<Record<string, unknown>>; reviews: Array<Record<string, unknown>>; objectives: Array<Record<string, unknown>> };
    const model = planHealth(healthInputFrom(plan, children), { weights: { execution: 30, cadence: 20, coverage: 20, alignment: 15, results: 15 }, onTrackThreshold: 70, atRiskThreshold: 50, defaultReviewCadenceDays: 90 }, TODAY);
    const shown = Array.from(root(element).querySelectorAll('.steps li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(shown).toEqual(model.readiness.map((s) => `${s.step}: ${s.evidence}`));
    expect(model.score).toBe(56);
    expect(model.reasonText.split('; ')).toEqual(['oldest open milestone 40 days late', 'no review in 146 days', 'no backup lead', '1 objective(s) not agreed']);
  });

  it('records a review with the plan\'s health at that moment and the next review due', async () => {
    const create = createRecord as unknown as jest.Mock;
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = mount();
    (graphql as unknown as { emit(v: unknown, f?: unknown, r?: () => Promise<void>): void }).emit(contosoPlan, undefined, refresh);
    await flushPromises();
    (root(element).querySelector('lightning-button.record-review') as HTMLElement).click();
    await flushPromises();
    const decisions = root(element).querySelector('lightning-textarea[data-field="decisions"]') as HTMLElement;
    decisions.dispatchEvent(new CustomEvent('change', { detail: { value: 'Escalate the second site validation' } }));
    await flushPromises();
    (root(element).querySelector('lightning-button.save-review') as HTMLElement).click();
    await flushPromises();
    expect(create).toHaveBeenCalledWith({
      apiName: 'Plan_Review__c',
      fields: { Plan__c: 'a01000000000225AAA', Review_Date__c: TODAY, Type__c: 'Joint with Customer', Customer_Attended__c: true, Decisions__c: 'Escalate the second site validation', Health_At_Review__c: 56, Next_Review_Date__c: '2027-02-22' }
    });
    expect(refresh).toHaveBeenCalled();
    expect(root(element).querySelector('.review-form')).toBeNull();
  });

  it('keeps what was typed when the review cannot be saved', async () => {
    const create = createRecord as unknown as jest.Mock;
    create.mockRejectedValueOnce({ body: { message: 'Next Review must not be before the review' } });
    const element = mount();
    adapter.emit(contosoPlan);
    await flushPromises();
    (root(element).querySelector('lightning-button.record-review') as HTMLElement).click();
    await flushPromises();
    root(element).querySelector('lightning-textarea[data-field="decisions"]')?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Keep me' } }));
    await flushPromises();
    (root(element).querySelector('lightning-button.save-review') as HTMLElement).click();
    await flushPromises();
    expect((root(element).querySelector('lightning-textarea[data-field="decisions"]') as HTMLElement & { value?: string }).value).toBe('Keep me');
  });

  it('invites the rep to create a plan when the account has none', async () => {
    const element = mount();
    adapter.emit({ uiapi: { query: { Account_Plan__c: { edges: [] } } } });
    await flushPromises();
    expect(root(element).querySelector('.no-plan')?.textContent).toBe('c.MAM_Health_No_Plan');
  });

  it('shows the error panel when the query fails', async () => {
    const element = mount();
    adapter.emitErrors([{ message: 'Insufficient access to Account_Plan__c' }]);
    await flushPromises();
    expect(root(element).querySelector('c-error-panel')).not.toBeNull();
  });

  it('is accessible: progress bars and icons carry text for screen readers', async () => {
    const element = mount();
    adapter.emit(contosoPlan);
    await flushPromises();
    for (const bar of Array.from(root(element).querySelectorAll('lightning-progress-bar'))) expect(bar.getAttribute('aria-label')).toBeTruthy();
    for (const icon of Array.from(root(element).querySelectorAll('lightning-icon')) as Array<HTMLElement & { alternativeText?: string }>) expect(icon.alternativeText).toBeTruthy();
  });
});
