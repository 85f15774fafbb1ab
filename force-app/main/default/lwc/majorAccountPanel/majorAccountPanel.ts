import { LightningElement, api, wire } from 'lwc';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { getRecord, getFieldValue, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { formatLabel, reduceErrors, userToday } from 'c/ldsUtils';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import MAJOR_FIELD from '@salesforce/schema/Account.Major_Account__c';
import TIER_FIELD from '@salesforce/schema/Account.Major_Account_Tier__c';
import FINANCIAL_FIELD from '@salesforce/schema/Account.Financial_Significance__c';
import STRATEGIC_FIELD from '@salesforce/schema/Account.Strategic_Significance__c';
import REASONS_FIELD from '@salesforce/schema/Account.Strategic_Reasons__c';
import REASON_FIELD from '@salesforce/schema/Account.Major_Account_Reason__c';
import IDENTIFIED_FIELD from '@salesforce/schema/Account.Major_Account_Identified_On__c';
import LAST_MODIFIED_FIELD from '@salesforce/schema/Account.LastModifiedDate';
import TITLE from '@salesforce/label/c.MAM_Panel_Title';
import BADGE from '@salesforce/label/c.MAM_Panel_Badge';
import NOT_MAJOR from '@salesforce/label/c.MAM_Panel_Not_Major';
import HOW_IDENTIFIED from '@salesforce/label/c.MAM_Panel_How_Identified';
import TIER from '@salesforce/label/c.MAM_Panel_Tier';
import FINANCIAL from '@salesforce/label/c.MAM_Panel_Financial';
import STRATEGIC from '@salesforce/label/c.MAM_Panel_Strategic';
import STRATEGIC_REASONS from '@salesforce/label/c.MAM_Panel_Strategic_Reasons';
import REASON from '@salesforce/label/c.MAM_Panel_Reason';
import IDENTIFIED_ON from '@salesforce/label/c.MAM_Panel_Identified_On';
import FLAG from '@salesforce/label/c.MAM_Panel_Flag';
import UNFLAG from '@salesforce/label/c.MAM_Panel_Unflag';
import CONFIRM_FLAG from '@salesforce/label/c.MAM_Panel_Confirm_Flag';
import CONFIRM_UNFLAG from '@salesforce/label/c.MAM_Panel_Confirm_Unflag';
import CONFIRM_TIER from '@salesforce/label/c.MAM_Panel_Confirm_Tier';
import CONFIRM_LABEL from '@salesforce/label/c.MAM_Panel_Confirm_Label';
import SAVED from '@salesforce/label/c.MAM_Panel_Saved';
import SAVE_FAILED from '@salesforce/label/c.MAM_Panel_Save_Failed';
import NO_TIER from '@salesforce/label/c.MAM_Panel_No_Tier';
import CONFLICT from '@salesforce/label/c.MAM_Panel_Conflict';
import RELOAD from '@salesforce/label/c.MAM_Panel_Reload';
import SCORE_SCALE from '@salesforce/label/c.MAM_Panel_Score_Scale';

const FIELDS = [LAST_MODIFIED_FIELD, MAJOR_FIELD, TIER_FIELD, FINANCIAL_FIELD, STRATEGIC_FIELD, REASONS_FIELD, REASON_FIELD, IDENTIFIED_FIELD];

type WireResult<T> = { data?: T; error?: unknown };
type ObjectInfo = { fields: Record<string, { updateable: boolean; label: string }> };
type TierOption = { label: string; value: string };

/** The major-account picture of an Account: flag, tier, scores and the reason in words. */
export default class MajorAccountPanel extends LightningElement {
  /** Id of the Account whose record page shows the panel. */
  @api recordId: string | undefined;

  labels = { TITLE, BADGE, NOT_MAJOR, HOW_IDENTIFIED, TIER, FINANCIAL, STRATEGIC, STRATEGIC_REASONS, REASON, IDENTIFIED_ON, FLAG, UNFLAG, NO_TIER, CONFLICT, RELOAD };
  saving = false;
  /** Set when the platform refused a change because someone else changed the account first. */
  conflict = false;

  @wire(getRecord, { recordId: '$recordId', optionalFields: FIELDS })
  account: WireResult<unknown> = {};

  @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
  objectInfo: WireResult<ObjectInfo> = {};

  get loading(): boolean {
    return !this.account.data && !this.account.error;
  }

  get error(): unknown {
    return this.account.error ?? this.objectInfo.error;
  }

  private value(field: { fieldApiName: string }): unknown {
    return this.account.data ? getFieldValue(this.account.data, field) : undefined;
  }

  /** Fields the user cannot see are left out, never shown as empty values. */
  private visible(field: { fieldApiName: string }): boolean {
    return Boolean(this.objectInfo.data?.fields[field.fieldApiName]);
  }

  get isMajor(): boolean {
    return this.value(MAJOR_FIELD) === true;
  }

  get tier(): string {
    return (this.value(TIER_FIELD) as string | null) || NO_TIER;
  }

  get details(): Array<{ key: string; label: string; value: string }> {
    const rows: Array<[{ fieldApiName: string }, string]> = [[TIER_FIELD, TIER], [FINANCIAL_FIELD, FINANCIAL], [STRATEGIC_FIELD, STRATEGIC], [REASONS_FIELD, STRATEGIC_REASONS], [REASON_FIELD, REASON], [IDENTIFIED_FIELD, IDENTIFIED_ON]];
    return rows
      .filter(([field]) => this.visible(field))
      .map(([field, label]) => {
        const raw = this.value(field);
        const blank = raw === null || raw === undefined || raw === '';
        let text: string;
        if (field === TIER_FIELD) text = this.tier;
        else if (field === REASONS_FIELD && typeof raw === 'string') text = raw.split(';').join(', ');
        // Both significance scores run from 0 to 100 (identify.ts): say so next to the number.
        else if (!blank && (field === FINANCIAL_FIELD || field === STRATEGIC_FIELD)) text = formatLabel(SCORE_SCALE, String(raw));
        else text = blank ? '—' : String(raw);
        return { key: field.fieldApiName, label, value: text };
      });
  }

  /** Only users whose field-level security lets them edit the flag and tier (managers) may change them. */
  get canEdit(): boolean {
    const fields = this.objectInfo.data?.fields;
    return Boolean(fields?.[MAJOR_FIELD.fieldApiName]?.updateable && fields?.[TIER_FIELD.fieldApiName]?.updateable);
  }

  get tierOptions(): TierOption[] {
    return ['Tier 1', 'Tier 2', 'Tier 3'].map((value) => ({ label: value, value }));
  }

  get tierValue(): string | undefined {
    return (this.value(TIER_FIELD) as string | null) ?? undefined;
  }

  async handleToggle(): Promise<void> {
    const flag = !this.isMajor;
    const fields: Record<string, unknown> = { Id: this.recordId, [MAJOR_FIELD.fieldApiName]: flag };
    if (flag) fields[IDENTIFIED_FIELD.fieldApiName] = userToday(TIME_ZONE);
    else fields[TIER_FIELD.fieldApiName] = null;
    await this.save(flag ? CONFIRM_FLAG : CONFIRM_UNFLAG, fields);
  }

  async handleReload(): Promise<void> {
    this.conflict = false;
    if (this.recordId) await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
  }

  async handleTierChange(event: CustomEvent<{ value: string }>): Promise<void> {
    const saved = await this.save(CONFIRM_TIER, { Id: this.recordId, [TIER_FIELD.fieldApiName]: event.detail.value });
    // Cancelled or refused: the picker shows the tier the account really has, not the unsaved choice.
    const picker = this.refs?.tier as (HTMLElement & { value?: string }) | undefined;
    if (!saved && picker) picker.value = this.tierValue;
  }

  /** Asks, then saves; true when the change was written. */
  private async save(question: string, fields: Record<string, unknown>): Promise<boolean> {
    const confirmed = await LightningConfirm.open({ message: question, label: CONFIRM_LABEL, theme: 'warning' });
    if (!confirmed) return false;
    this.saving = true;
    this.conflict = false;
    try {
      // Only if nobody changed the account since it was loaded: never overwrite someone's edit.
      await updateRecord({ fields }, { ifUnmodifiedSince: String(this.value(LAST_MODIFIED_FIELD) ?? '') });
      this.dispatchEvent(new ShowToastEvent({ title: SAVED, variant: 'success' }));
      return true;
    } catch (error) {
      const status = (error as { status?: number; body?: Array<{ errorCode?: string }> }).status;
      this.conflict = status === 412;
      this.dispatchEvent(new ShowToastEvent({ title: SAVE_FAILED, message: this.conflict ? CONFLICT : reduceErrors(error).join(', '), variant: 'error' }));
      return false;
    } finally {
      this.saving = false;
    }
  }
}
