import { createElement } from 'lwc';
import PlanTeam from 'c/planTeam';
import { graphql } from 'lightning/graphql';
import { deleteRecord } from 'lightning/uiRecordApi';
import LightningConfirm from 'lightning/confirm';
import { flushPromises } from 'test/jest-utils/flushPromises';
import { cardFrame, editor, editorFieldNames, editorForm } from 'test/jest-utils/cards';
import northwind from './data/northwind.graphql.json';

// Labels with {0} placeholders carry their real text, so the sentences a user reads can be asserted.
jest.mock('@salesforce/label/c.MAM_Team_C_Level', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_C_Level'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Influence', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Influence'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Relationship', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Relationship'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Committed', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Committed'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Reports_To', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Reports_To'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Unnamed', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Unnamed'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Unnamed_Note', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Unnamed_Note'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Edit_Person', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Edit_Person'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Remove_Person', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Remove_Person'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Member_Option', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Member_Option'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Seller', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Seller'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Customer', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Customer'), { virtual: true });
jest.mock('@salesforce/label/c.MAM_Team_Confirm_Remove', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Team_Confirm_Remove'), { virtual: true });

type Emitter = { emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void; emitErrors(errors: unknown): void; getLastConfig(): Record<string, unknown> };
const adapter = graphql as unknown as Emitter;
const remove = deleteRecord as unknown as jest.Mock;
const confirm = LightningConfirm as unknown as { open: jest.Mock };
const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
type Data = { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string; Team_Roles__r: { edges: Array<{ node: { Id: string } }> } } }> } } } };
const planId = (northwind as Data).uiapi.query.Account_Plan__c.edges[0].node.Id;
const MARCUS = 'a02000000000268AAA';

async function render(data: unknown, refresh?: () => Promise<void>): Promise<HTMLElement> {
  const element = createElement('c-plan-team', { is: PlanTeam }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000001AAA';
  document.body.appendChild(element);
  adapter.emit(data, undefined, refresh);
  await flushPromises();
  return element;
}
const members = (element: HTMLElement, side: string): HTMLElement[] => Array.from(root(element).querySelectorAll(`section[data-side="${side}"] li.member`));
const names = (element: HTMLElement, side: string): string[] => members(element, side).map((li) => li.querySelector('.name')?.textContent ?? '');
const button = (element: HTMLElement, kind: 'edit' | 'remove', id: string): HTMLElement => root(element).querySelector(`li[data-id="${id}"] lightning-button-icon.${kind}`) as HTMLElement;
type Choice = HTMLElement & { name?: string; label?: string; value?: string; options: Array<{ label: string; value: string }> };
const reportsToChoice = (element: HTMLElement): Choice => Array.from(editor(root(element))?.shadowRoot?.querySelectorAll('lightning-combobox') ?? []).find((c) => (c as Choice).name === 'Reports_To__c') as Choice;
const readOnly = (): unknown => ({ uiapi: { ...(northwind as { uiapi: object }).uiapi, objectInfos: [{ ApiName: 'Account_Team_Role__c', createable: false, updateable: false, deletable: false }] } });

function bigTeam(people: number): unknown {
  const edges = Array.from({ length: people }, (_, i) => ({
    node: { Id: `a02${String(i).padStart(12, '0')}AAA`, Side__c: { value: i % 2 ? 'Customer' : 'Seller' }, Role__c: { value: 'Influencer', displayValue: 'Influencer' }, C_Level__c: { value: i < 2 }, Influence__c: { value: 'Medium', displayValue: 'Medium' }, Relationship_Strength__c: { value: 'Neutral', displayValue: 'Neutral' }, Committed__c: { value: false }, Reports_To__c: { value: i >= 2 ? `a02${String(i % 2 ? 1 : 0).padStart(12, '0')}AAA` : null }, User__r: null, Contact__r: { Name: { value: `Person ${i}` }, Title: { value: null } } }
  }));
  return { uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Backup_Account_Lead__c: { value: '005000000000001AAA' }, Team_Roles__r: { edges } } }] } } } };
}

describe('c-plan-team', () => {
  beforeEach(() => {
    confirm.open = jest.fn().mockResolvedValue(true);
  });
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('shows both teams side by side, the customer team as an org chart from reports-to', async () => {
    const element = await render(northwind);
    expect(adapter.getLastConfig().variables).toEqual({ accountId: '001000000000001AAA' });
    expect(Array.from(root(element).querySelectorAll('section.side h3')).map((h) => h.textContent)).toEqual(['Our team', 'Customer team']);
    expect(names(element, 'Customer')).toEqual(['Olivia Hart', 'Marcus Chen', 'Priya Nair', 'Tom Baker']);
    const customer = members(element, 'Customer');
    expect(customer[0].querySelector('.details')?.textContent).toBe('Executive Sponsor · Chief Executive Officer · C-level · High influence · Strong relationship');
    // Deeper people are indented, and a screen reader hears who they report to.
    expect(customer.map((li) => li.style.paddingLeft)).toEqual(['', '1.5rem', '3rem', '3rem']);
    expect(customer[0].querySelector('.reports-to')).toBeNull();
    expect(customer[1].querySelector('.reports-to')?.textContent).toBe('Reports to Olivia Hart');
    expect(customer[2].querySelector('.reports-to')?.textContent).toBe('Reports to Marcus Chen');
    expect(members(element, 'Seller')).toHaveLength(3);
  });

  it('shows every detail in full: no line is truncated', async () => {
    const element = await render(northwind);
    expect(root(element).querySelector('.slds-truncate, lightning-tree')).toBeNull();
    for (const li of members(element, 'Customer')) expect(li.querySelector('.details')?.className).not.toContain('truncate');
  });

  it('says once per team how many roles have no one named, and names those rows after the role', async () => {
    const element = await render(northwind);
    expect(names(element, 'Seller')).toEqual(['Executive Sponsor', 'Account Lead', 'Delivery Lead']);
    expect(members(element, 'Seller')[0].querySelector('.details')?.textContent).toBe('C-level · High influence · Strong relationship · Committed');
    const notes = Array.from(root(element).querySelectorAll('.unnamed-note'));
    expect(notes.map((n) => n.textContent?.trim())).toEqual(['Roles with no person named yet: 3']);
    expect(notes[0].closest('section')?.getAttribute('data-side')).toBe('Seller');
    // Visible text never repeats "(not yet named)"; the icon beside each such row says it to screen readers.
    expect(root(element).textContent).not.toContain('(not yet named)');
    const icons = Array.from(root(element).querySelectorAll('li.member lightning-icon')) as Array<HTMLElement & { alternativeText?: string }>;
    expect(icons.map((i) => i.alternativeText)).toEqual(['(not yet named)', '(not yet named)', '(not yet named)']);
  });

  it('calls out the coverage gaps in an in-card notification, not a page alert', async () => {
    const element = await render(northwind);
    const gaps = root(element).querySelector('.gaps') as HTMLElement;
    expect(Array.from(gaps.querySelectorAll('li')).map((li) => li.getAttribute('data-gap'))).toEqual(['noBackupLead']);
    expect(gaps.className).toContain('slds-scoped-notification');
    expect(gaps.className).not.toContain('slds-notify_alert');
  });

  it('keeps everyone in a 50-person chart', async () => {
    const element = await render(bigTeam(50));
    expect(members(element, 'Seller').length + members(element, 'Customer').length).toBe(50);
    expect(root(element).querySelector('.gaps')).not.toBeNull();
    // Indentation stops growing at five levels; the reports-to text still says where each person sits.
    expect(Math.max(...members(element, 'Customer').map((li) => parseFloat(li.style.paddingLeft || '0')))).toBeLessThanOrEqual(7.5);
  });

  it('adds a team member to the active plan, then closes the form, toasts and refreshes', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    (root(element).querySelector('lightning-button.add') as HTMLElement).click();
    await flushPromises();
    const form = editorForm(root(element));
    if (!form) throw new Error('no form');
    expect(form.objectApiName).toBe('Account_Team_Role__c');
    expect(form.recordId).toBeUndefined();
    expect(editor(root(element))?.heading).toBe('c.MAM_Team_Add');
    expect(editorFieldNames(root(element))).toEqual(['Side__c', 'Role__c', 'User__c', 'Contact__c', 'Influence__c', 'Relationship_Strength__c', 'C_Level__c', 'Committed__c']);
    // Reports to is chosen among the people on the plan (a lookup would search roles by record name).
    const reportsTo = reportsToChoice(element);
    expect([reportsTo.name, reportsTo.label, reportsTo.value]).toEqual(['Reports_To__c', 'c.MAM_Team_Reports_To_Field', '']);
    expect(reportsTo.options.map((o) => o.label)).toEqual(['c.MAM_Team_Reports_To_Nobody', 'Olivia Hart (Customer team)', 'Executive Sponsor (Our team)', 'Account Lead (Our team)', 'Delivery Lead (Our team)', 'Marcus Chen (Customer team)', 'Priya Nair (Customer team)', 'Tom Baker (Customer team)']);
    reportsTo.dispatchEvent(new CustomEvent('change', { detail: { value: MARCUS } }));
    await flushPromises();
    form.submit = jest.fn();
    form.dispatchEvent(new CustomEvent('submit', { detail: { fields: { Side__c: 'Customer', Contact__c: '003000000000001AAA', Role__c: 'Champion', Influence__c: 'Medium', C_Level__c: false } } }));
    await flushPromises();
    expect(form.submit).toHaveBeenCalledWith({ Side__c: 'Customer', Contact__c: '003000000000001AAA', Role__c: 'Champion', Reports_To__c: MARCUS, Influence__c: 'Medium', C_Level__c: false, Plan__c: planId });
    form.dispatchEvent(new CustomEvent('success', { detail: { id: 'a02000000000999AAA' } }));
    await flushPromises();
    expect(editor(root(element))).toBeNull();
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ title: 'c.MAM_Team_Saved', variant: 'success' }));
    expect(refresh).toHaveBeenCalled();
  });

  it('edits a team member in the same form, which stays open with the input until the save succeeds', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    const edit = button(element, 'edit', MARCUS) as HTMLElement & { alternativeText?: string };
    expect(edit.alternativeText).toBe('Edit Marcus Chen');
    edit.click();
    await flushPromises();
    const form = editorForm(root(element));
    if (!form) throw new Error('no form');
    expect(form.recordId).toBe(MARCUS);
    expect(editor(root(element))?.heading).toBe('c.MAM_Team_Edit');
    // Marcus reports to Olivia; he is not offered as his own manager.
    expect(reportsToChoice(element).value).toBe('a02000000000259AAA');
    expect(reportsToChoice(element).options.map((o) => o.value)).not.toContain(MARCUS);
    form.submit = jest.fn();
    form.dispatchEvent(new CustomEvent('submit', { detail: { fields: { Relationship_Strength__c: 'Neutral' } } }));
    await flushPromises();
    expect(form.submit).toHaveBeenCalledWith({ Relationship_Strength__c: 'Neutral' });
    form.dispatchEvent(new CustomEvent('error', { detail: { message: 'The contact must work for the plan\'s account.' } }));
    await flushPromises();
    expect(editorForm(root(element))).toBe(form);
    expect(refresh).not.toHaveBeenCalled();
    edit.focus = jest.fn();
    (editor(root(element))?.shadowRoot?.querySelector('lightning-button.cancel') as HTMLElement).click();
    await flushPromises();
    expect(editor(root(element))).toBeNull();
    // Keyboard users land back on the Edit button they used.
    expect(edit.focus).toHaveBeenCalled();
  });

  it('removes a team member after confirmation, toasts and refreshes', async () => {
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const del = button(element, 'remove', MARCUS) as HTMLElement & { alternativeText?: string };
    expect(del.alternativeText).toBe('Remove Marcus Chen');
    del.click();
    await flushPromises();
    expect(confirm.open).toHaveBeenCalledWith({ message: "Remove Marcus Chen from this plan's team? Their contact or user record stays.", label: 'c.MAM_Team_Remove', theme: 'warning' });
    expect(remove).toHaveBeenCalledWith(MARCUS);
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ title: 'c.MAM_Team_Removed', variant: 'success' }));
    expect(refresh).toHaveBeenCalled();
  });

  it('does not remove anyone when the user cancels the confirmation', async () => {
    confirm.open = jest.fn().mockResolvedValue(false);
    const element = await render(northwind);
    button(element, 'remove', MARCUS).click();
    await flushPromises();
    expect(remove).not.toHaveBeenCalled();
  });

  it('reports a failed removal with the platform\'s message in an error toast', async () => {
    remove.mockRejectedValueOnce({ body: { message: 'insufficient access rights on cross-reference id' } });
    const refresh = jest.fn().mockResolvedValue(undefined);
    const element = await render(northwind, refresh);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    button(element, 'remove', MARCUS).click();
    await flushPromises();
    expect(toast.mock.calls[0][0].detail).toEqual({ title: 'c.MAM_Team_Remove_Failed', message: 'insufficient access rights on cross-reference id', variant: 'error' });
    expect(refresh).not.toHaveBeenCalled();
    expect(names(element, 'Customer')).toContain('Marcus Chen');
  });

  it('offers no add, edit or remove to someone who may only read the team', async () => {
    const element = await render(readOnly());
    expect(members(element, 'Customer')).toHaveLength(4);
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
    expect(root(element).querySelector('lightning-button-icon.edit')).toBeNull();
    expect(root(element).querySelector('lightning-button-icon.remove')).toBeNull();
  });

  it('has empty-team, no-plan and error states', async () => {
    const empty = await render({ uiapi: { query: { Account_Plan__c: { edges: [{ node: { Id: 'a01000000000001AAA', Backup_Account_Lead__c: { value: null }, Team_Roles__r: { edges: [] } } }] } } } });
    expect(Array.from(root(empty).querySelectorAll('.empty')).map((p) => p.textContent)).toEqual(['c.MAM_Team_Empty_Side', 'c.MAM_Team_Empty_Side']);
    document.body.innerHTML = '';
    const element = await render({ uiapi: { query: { Account_Plan__c: { edges: [] } } } });
    expect(cardFrame(root(element)).querySelector('.no-plan')?.textContent).toBe('c.MAM_Team_No_Plan');
    adapter.emitErrors([{ message: 'boom' }]);
    await flushPromises();
    expect(cardFrame(root(element)).querySelector('c-error-panel')).not.toBeNull();
    // Nothing to add to without a plan, or when the card could not load.
    expect(root(element).querySelector('lightning-button.add')).toBeNull();
  });

  it('is accessible: each team is a labelled list under a heading, buttons name the person, the gaps are announced', async () => {
    const element = await render(northwind);
    for (const list of Array.from(root(element).querySelectorAll('section.side ul'))) expect(list.getAttribute('aria-label')).toBe(list.closest('section')?.querySelector('h3')?.textContent);
    for (const b of Array.from(root(element).querySelectorAll('lightning-button-icon')) as Array<HTMLElement & { alternativeText?: string }>) expect(b.alternativeText).toMatch(/^(Edit|Remove) \S/);
    expect(root(element).querySelector('.gaps')?.getAttribute('role')).toBe('status');
  });
});
