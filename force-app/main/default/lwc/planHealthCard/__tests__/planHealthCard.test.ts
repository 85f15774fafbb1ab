import { createElement } from 'lwc';
import PlanHealthCard from 'c/planHealthCard';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { flushPromises } from 'test/jest-utils/flushPromises';
import { healthInputFrom, planHealth } from 'c/mamService';
import contosoPlan from './data/contoso.graphql.json';
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
const reviewInfo = getObjectInfo as unknown as { emit(value: unknown): void };
/** Plan_Review__c as the UI API describes it to a manager (may write the snapshot) or a rep (may not). */
const reviewAccess = (createable: boolean, snapshot: boolean): unknown => ({ apiName: 'Plan_Review__c', createable, fields: { Health_At_Review__c: { createable: snapshot } } });

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
    expect(root(element).querySelector('.score .score-value')?.textContent).toBe('56');
    expect(root(element).querySelector('.score .slds-assistive-text')?.textContent).toBe('c.MAM_Health_Score: ');
    expect(root(element).querySelector('.slds-badge')?.textContent).toBe('c.MAM_Health_Status_At_Risk');
    expect(root(element).querySelector('[data-part="execution"] .part-score')?.textContent).toBe('38');
    const reasons = Array.from(root(element).querySelectorAll('.reasons li')).map((li) => li.textContent);
    expect(reasons).toEqual(['The oldest open milestone is 40 days late.', 'There has been no review for 146 days.', 'No backup account lead is named.', '1 objective is not agreed with the customer.']);
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
    expect(model.reasonText).toBe(contosoPlan.uiapi.query.Account_Plan__c.edges[0].node.Health_Reasons__c.value);
    expect(model.reasons.map((r) => r.text)).toEqual(['The oldest open milestone is 40 days late.', 'There has been no review for 146 days.', 'No backup account lead is named.', '1 objective is not agreed with the customer.']);
  });

  it('says what holds the plan back before the parts, and colours each part by its band with the band in words', async () => {
    const element = mount();
    adapter.emit(contosoPlan);
    await flushPromises();
    const headings = Array.from(root(element).querySelectorAll('h3')).map((h) => h.textContent);
    expect(headings.indexOf('c.MAM_Health_Reasons')).toBeLessThan(headings.indexOf('c.MAM_Health_Parts'));
    const reasons = root(element).querySelector('.reasons') as Element;
    const parts = root(element).querySelector('.parts') as Element;
    expect(reasons.compareDocumentPosition(parts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const part = (key: string) => root(element).querySelector(`[data-part="${key}"]`) as HTMLElement;
    // 38 is below the at-risk threshold (50), 83 above on-track (70): red and green, and said so.
    expect(part('execution').dataset.band).toBe('error');
    expect(part('execution').querySelector('.slds-progress-bar__value')?.className).toContain('slds-theme_error');
    expect(part('execution').querySelector('.part-band')?.textContent).toBe('c.MAM_Health_Status_Off_Track');
    expect(part('alignment').dataset.band).toBe('success');
    expect(part('alignment').querySelector('.slds-progress-bar__value')?.className).toContain('slds-theme_success');
    expect(part('alignment').querySelector('.part-band')?.textContent).toBe('c.MAM_Health_Status_On_Track');
    const bar = part('alignment').querySelector('[role="progressbar"]') as HTMLElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('83');
    expect((part('alignment').querySelector('.slds-progress-bar__value') as HTMLElement).style.width).toBe('83%');
  });

  it('shows met steps with a success check and unmet ones with an empty circle, each named for screen readers', async () => {
    const element = mount();
    adapter.emit(contosoPlan);
    await flushPromises();
    const steps = Array.from(root(element).querySelectorAll('.steps li')) as HTMLElement[];
    const met = steps.filter((li) => li.dataset.met === 'true');
    const unmet = steps.filter((li) => li.dataset.met === 'false');
    expect(met).toHaveLength(5);
    expect(unmet).toHaveLength(3);
    const icon = (li: HTMLElement) => li.querySelector('lightning-icon') as HTMLElement & { iconName?: string; variant?: string; alternativeText?: string };
    for (const li of met) expect([icon(li).iconName, icon(li).variant, icon(li).alternativeText]).toEqual(['utility:success', 'success', 'c.MAM_Health_Met']);
    for (const li of unmet) expect([icon(li).iconName, icon(li).alternativeText]).toEqual(['utility:routing_offline', 'c.MAM_Health_Not_Met']);
  });

  it('leaves the parts uncoloured, still with their scores, when the settings cannot be read', async () => {
    const element = mount();
    const data = JSON.parse(JSON.stringify(contosoPlan));
    data.uiapi.query.Account_Plan__c.edges[0].node.Account__r = null;
    adapter.emit(data);
    await flushPromises();
    const part = root(element).querySelector('[data-part="execution"]') as HTMLElement;
    expect(part.dataset.band).toBe('none');
    expect(part.querySelector('.slds-progress-bar__value')?.className).toBe('slds-progress-bar__value');
    expect(part.querySelector('.part-score')?.textContent).toBe('38');
  });

  it('records a review with the plan\'s health at that moment and the next review due', async () => {
    const create = createRecord as unknown as jest.Mock;
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = mount();
    (graphql as unknown as { emit(v: unknown, f?: unknown, r?: () => Promise<void>): void }).emit(contosoPlan, undefined, refresh);
    reviewInfo.emit(reviewAccess(true, true));
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

  it('records a rep\'s review without the health snapshot, which only managers may write', async () => {
    const create = createRecord as unknown as jest.Mock;
    const element = mount();
    adapter.emit(contosoPlan);
    reviewInfo.emit(reviewAccess(true, false));
    await flushPromises();
    (root(element).querySelector('lightning-button.record-review') as HTMLElement).click();
    await flushPromises();
    (root(element).querySelector('lightning-button.save-review') as HTMLElement).click();
    await flushPromises();
    expect(create).toHaveBeenCalledWith({
      apiName: 'Plan_Review__c',
      fields: { Plan__c: 'a01000000000225AAA', Review_Date__c: TODAY, Type__c: 'Joint with Customer', Customer_Attended__c: true, Decisions__c: '', Next_Review_Date__c: '2027-02-22' }
    });
  });

  it('offers no review to a user who may not create reviews', async () => {
    const element = mount();
    adapter.emit(contosoPlan);
    reviewInfo.emit(reviewAccess(false, false));
    await flushPromises();
    expect(root(element).querySelector('lightning-button.record-review')).toBeNull();
    expect(root(element).querySelector('.last-review')).not.toBeNull();
  });

  it('dates a new review with the user\'s today, in their time zone', async () => {
    // 2026-11-24 12:00 UTC is still the 24th in the jest time zone (America/Los_Angeles); the UTC day would be wrong later in the day.
    const element = mount();
    adapter.emit(contosoPlan);
    reviewInfo.emit(reviewAccess(true, true));
    await flushPromises();
    (root(element).querySelector('lightning-button.record-review') as HTMLElement).click();
    await flushPromises();
    expect((root(element).querySelector('lightning-input[data-field="date"]') as HTMLElement & { value?: string }).value).toBe(TODAY);
  });

  it('refuses a review dated in the future and says why on the date field', async () => {
    const create = createRecord as unknown as jest.Mock;
    const element = mount();
    adapter.emit(contosoPlan);
    reviewInfo.emit(reviewAccess(true, true));
    await flushPromises();
    (root(element).querySelector('lightning-button.record-review') as HTMLElement).click();
    await flushPromises();
    const date = root(element).querySelector('lightning-input[data-field="date"]') as HTMLElement & { setCustomValidity: jest.Mock };
    date.setCustomValidity = jest.fn();
    date.dispatchEvent(new CustomEvent('change', { detail: { value: '2027-01-05' } }));
    await flushPromises();
    (root(element).querySelector('lightning-button.save-review') as HTMLElement).click();
    await flushPromises();
    expect(date.setCustomValidity).toHaveBeenCalledWith('c.MAM_Review_Date_Required');
    expect(create).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the review cannot be saved', async () => {
    const create = createRecord as unknown as jest.Mock;
    create.mockRejectedValueOnce({ body: { message: 'Next Review must not be before the review' } });
    const element = mount();
    adapter.emit(contosoPlan);
    reviewInfo.emit(reviewAccess(true, true));
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
    const bars = Array.from(root(element).querySelectorAll('[role="progressbar"]'));
    expect(bars).toHaveLength(5);
    for (const bar of bars) expect([bar.getAttribute('aria-label'), bar.getAttribute('aria-valuetext')].every(Boolean)).toBe(true);
    for (const icon of Array.from(root(element).querySelectorAll('lightning-icon')) as Array<HTMLElement & { alternativeText?: string }>) expect(icon.alternativeText).toBeTruthy();
  });
});
