import { createElement } from 'lwc';
import MajorAccountPanel from 'c/majorAccountPanel';
import { getRecord, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import LightningConfirm from 'lightning/confirm';
import { flushPromises } from 'test/jest-utils/flushPromises';
import northwind from './data/northwind.json';
import notMajor from './data/notMajor.json';
import objectInfoManager from './data/objectInfoManager.json';
import objectInfoRep from './data/objectInfoRep.json';

jest.mock('@salesforce/label/c.MAM_Panel_Score_Scale', () => jest.requireActual('test/jest-utils/labels').labelModule('MAM_Panel_Score_Scale'), { virtual: true });

type Emitter = { emit(value: unknown): void; error(body?: unknown): void; getLastConfig(): Record<string, unknown> };
const recordAdapter = getRecord as unknown as Emitter;
const objectInfoAdapter = getObjectInfo as unknown as Emitter;
const confirm = LightningConfirm as unknown as { open: jest.Mock };
const update = updateRecord as unknown as jest.Mock;

function mount(): HTMLElement & { recordId?: string } {
  const element = createElement('c-major-account-panel', { is: MajorAccountPanel }) as HTMLElement & { recordId?: string };
  element.recordId = '001000000000001AAA';
  document.body.appendChild(element);
  return element;
}
const shadow = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

/** Mounts the panel with a record and the object info the user's access gives. */
async function render(record: unknown, objectInfo: unknown): Promise<HTMLElement> {
  const element = mount();
  recordAdapter.emit(record);
  objectInfoAdapter.emit(objectInfo);
  await flushPromises();
  return element;
}

describe('c-major-account-panel', () => {
  beforeEach(() => {
    confirm.open = jest.fn().mockResolvedValue(true);
  });
  afterEach(() => {
    document.body.innerHTML = '';
    jest.clearAllMocks();
  });

  it('asks for the account\'s major-account fields with the record id', async () => {
    const element = mount();
    await flushPromises();
    const config = recordAdapter.getLastConfig();
    expect(config.recordId).toBe('001000000000001AAA');
    expect((config.optionalFields as Array<{ fieldApiName: string }>).map((f) => f.fieldApiName)).toEqual(expect.arrayContaining(['Major_Account__c', 'Major_Account_Tier__c', 'Major_Account_Reason__c']));
    expect(shadow(element).querySelector('lightning-spinner')).not.toBeNull();
  });

  it('shows tier, scores, strategic reasons and the reason in words for a major account', async () => {
    const element = await render(northwind, objectInfoRep);
    const value = (field: string): string | undefined => shadow(element).querySelector(`dd[data-field="${field}"]`)?.textContent ?? undefined;
    expect(shadow(element).querySelector('lightning-badge')).not.toBeNull();
    expect(value('Major_Account_Tier__c')).toBe('Tier 1');
    // Scores carry their scale (0–100).
    expect(value('Financial_Significance__c')).toBe('100 / 100');
    expect(value('Strategic_Significance__c')).toBe('60 / 100');
    expect(value('Strategic_Reasons__c')).toBe('Marquee Brand, New Market');
    expect(value('Major_Account_Identified_On__c')).toBe('2026-11-24');
  });

  it('sizes the layout to its content: labels as wide as the longest, a small tier picker for three values', async () => {
    const element = await render(northwind, objectInfoManager);
    const list = shadow(element).querySelector('dl.details') as HTMLElement;
    expect(list.classList.contains('slds-list_horizontal')).toBe(false);
    expect(list.querySelectorAll('dt')).toHaveLength(list.querySelectorAll('dd').length);
    const picker = shadow(element).querySelector('lightning-combobox')?.parentElement as HTMLElement;
    expect(Array.from(picker.classList)).toEqual(expect.arrayContaining(['slds-size_small', 'slds-grow-none']));
  });

  it('hides a field the user cannot see instead of showing it empty', async () => {
    const element = await render(northwind, objectInfoRep);
    expect(shadow(element).querySelector('dd[data-field="Major_Account_Reason__c"]')).toBeNull();
  });

  it('says plainly when the account is not a major account, and how identification works', async () => {
    const element = await render(notMajor, objectInfoRep);
    expect(shadow(element).querySelector('.not-major')?.textContent).toBe('c.MAM_Panel_Not_Major');
    expect(shadow(element).querySelector('.how')).not.toBeNull();
    expect(shadow(element).querySelector('lightning-badge')).toBeNull();
  });

  it('offers no changes to reps (the flag is read-only for them)', async () => {
    const element = await render(northwind, objectInfoRep);
    expect(shadow(element).querySelector('lightning-button')).toBeNull();
    expect(shadow(element).querySelector('lightning-combobox')).toBeNull();
  });

  it('lets a manager flag an account after confirming, with the exact fields written and a success toast', async () => {
    const element = await render(notMajor, objectInfoManager);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    (shadow(element).querySelector('lightning-button.flag') as HTMLElement).click();
    await flushPromises();
    expect(confirm.open).toHaveBeenCalledWith(expect.objectContaining({ message: 'c.MAM_Panel_Confirm_Flag' }));
    expect(update).toHaveBeenCalledWith({ fields: { Id: '001000000000001AAA', Major_Account__c: true, Major_Account_Identified_On__c: new Date().toISOString().slice(0, 10) } }, { ifUnmodifiedSince: '2026-11-24T09:00:00.000Z' });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
  });

  it('writes nothing when the manager cancels the confirmation', async () => {
    confirm.open = jest.fn().mockResolvedValue(false);
    const element = await render(northwind, objectInfoManager);
    (shadow(element).querySelector('lightning-button.unflag') as HTMLElement).click();
    await flushPromises();
    expect(update).not.toHaveBeenCalled();
  });

  it('changes the tier, and shows the platform\'s message in an error toast when the save fails', async () => {
    update.mockRejectedValueOnce({ body: { message: 'Tier: bad value for restricted picklist field' } });
    const element = await render(northwind, objectInfoManager);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const combobox = shadow(element).querySelector('lightning-combobox') as HTMLElement;
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'Tier 2' } }));
    await flushPromises();
    expect(update).toHaveBeenCalledWith({ fields: { Id: '001000000000001AAA', Major_Account_Tier__c: 'Tier 2' } }, { ifUnmodifiedSince: '2026-11-24T09:00:00.000Z' });
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ variant: 'error', message: 'Tier: bad value for restricted picklist field' }));
  });

  it('puts the tier picker back to the saved tier when the change is cancelled or refused', async () => {
    const element = await render(northwind, objectInfoManager);
    const combobox = shadow(element).querySelector('lightning-combobox') as HTMLElement & { value?: string };
    const saved = combobox.value;
    expect(saved).toBe('Tier 1');
    confirm.open.mockResolvedValueOnce(false);
    combobox.value = 'Tier 3';
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'Tier 3' } }));
    await flushPromises();
    expect(update).not.toHaveBeenCalled();
    expect(combobox.value).toBe(saved);
    update.mockRejectedValueOnce({ body: { message: 'Tier: bad value for restricted picklist field' } });
    combobox.value = 'Tier 2';
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'Tier 2' } }));
    await flushPromises();
    expect(combobox.value).toBe(saved);
  });

  it('never overwrites a concurrent edit: says so and offers to reload', async () => {
    update.mockRejectedValueOnce({ status: 412, body: [{ errorCode: 'PRECONDITION_FAILED', message: 'The record has been modified' }] });
    const element = await render(northwind, objectInfoManager);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    (shadow(element).querySelector('lightning-button.unflag') as HTMLElement).click();
    await flushPromises();
    expect(toast.mock.calls[0][0].detail).toEqual(expect.objectContaining({ variant: 'error', message: 'c.MAM_Panel_Conflict' }));
    const reload = shadow(element).querySelector('.conflict lightning-button.reload') as HTMLElement;
    expect(reload).not.toBeNull();
    reload.click();
    await flushPromises();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '001000000000001AAA' }]);
    expect(shadow(element).querySelector('.conflict')).toBeNull();
  });

  it('shows the error panel when the record cannot be loaded', async () => {
    const element = mount();
    recordAdapter.error({ message: 'Insufficient access' });
    await flushPromises();
    expect(shadow(element).querySelector('c-error-panel')).not.toBeNull();
  });

  it('is accessible: every control has a label', async () => {
    const element = await render(northwind, objectInfoManager);
    for (const control of Array.from(shadow(element).querySelectorAll('lightning-button, lightning-combobox')) as Array<HTMLElement & { label?: string }>) {
      expect(control.label).toBeTruthy();
    }
  });
});
