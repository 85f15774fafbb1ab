import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { formatLabel, reduceErrors, userToday } from 'c/ldsUtils';
import REVIEW_OBJECT from '@salesforce/schema/Plan_Review__c';
import REVIEW_PLAN_FIELD from '@salesforce/schema/Plan_Review__c.Plan__c';
import REVIEW_DATE_FIELD from '@salesforce/schema/Plan_Review__c.Review_Date__c';
import REVIEW_TYPE_FIELD from '@salesforce/schema/Plan_Review__c.Type__c';
import REVIEW_ATTENDED_FIELD from '@salesforce/schema/Plan_Review__c.Customer_Attended__c';
import REVIEW_DECISIONS_FIELD from '@salesforce/schema/Plan_Review__c.Decisions__c';
import REVIEW_HEALTH_FIELD from '@salesforce/schema/Plan_Review__c.Health_At_Review__c';
import REVIEW_NEXT_FIELD from '@salesforce/schema/Plan_Review__c.Next_Review_Date__c';
import { healthStatusFor, healthView, settingsFromFormula, type HealthSettings, type HealthView } from 'c/mamService';
import TITLE from '@salesforce/label/c.MAM_Health_Title';
import NO_PLAN from '@salesforce/label/c.MAM_Health_No_Plan';
import SCORE from '@salesforce/label/c.MAM_Health_Score';
import NOT_SCORED from '@salesforce/label/c.MAM_Health_Not_Scored';
import EXECUTION from '@salesforce/label/c.MAM_Health_Part_Execution';
import CADENCE from '@salesforce/label/c.MAM_Health_Part_Cadence';
import COVERAGE from '@salesforce/label/c.MAM_Health_Part_Coverage';
import ALIGNMENT from '@salesforce/label/c.MAM_Health_Part_Alignment';
import RESULTS from '@salesforce/label/c.MAM_Health_Part_Results';
import NO_TARGETS from '@salesforce/label/c.MAM_Health_No_Targets';
import REASONS from '@salesforce/label/c.MAM_Health_Reasons';
import PARTS from '@salesforce/label/c.MAM_Health_Parts';
import PART_VALUE from '@salesforce/label/c.MAM_Health_Part_Value';
import NO_REASONS from '@salesforce/label/c.MAM_Health_No_Reasons';
import READINESS from '@salesforce/label/c.MAM_Health_Readiness';
import MET from '@salesforce/label/c.MAM_Health_Met';
import NOT_MET from '@salesforce/label/c.MAM_Health_Not_Met';
import SUGGESTED from '@salesforce/label/c.MAM_Health_Suggested_Stage';
import LAST_REVIEW from '@salesforce/label/c.MAM_Health_Last_Review';
import NEVER from '@salesforce/label/c.MAM_Health_Never';
import STATUS_ON_TRACK from '@salesforce/label/c.MAM_Health_Status_On_Track';
import STATUS_AT_RISK from '@salesforce/label/c.MAM_Health_Status_At_Risk';
import STATUS_OFF_TRACK from '@salesforce/label/c.MAM_Health_Status_Off_Track';
import REVIEW_RECORD from '@salesforce/label/c.MAM_Review_Record';
import REVIEW_DATE from '@salesforce/label/c.MAM_Review_Date';
import REVIEW_TYPE from '@salesforce/label/c.MAM_Review_Type';
import REVIEW_ATTENDED from '@salesforce/label/c.MAM_Review_Attended';
import REVIEW_DECISIONS from '@salesforce/label/c.MAM_Review_Decisions';
import REVIEW_SAVE from '@salesforce/label/c.MAM_Review_Save';
import REVIEW_CANCEL from '@salesforce/label/c.MAM_Review_Cancel';
import REVIEW_SAVED from '@salesforce/label/c.MAM_Review_Saved';
import REVIEW_SAVE_FAILED from '@salesforce/label/c.MAM_Review_Save_Failed';
import TYPE_INTERNAL from '@salesforce/label/c.MAM_Review_Type_Internal';
import TYPE_JOINT from '@salesforce/label/c.MAM_Review_Type_Joint';
import TYPE_EXECUTIVE from '@salesforce/label/c.MAM_Review_Type_Executive';
import DATE_REQUIRED from '@salesforce/label/c.MAM_Review_Date_Required';

const PLAN_FIELDS = [
  'Name', 'Status__c', 'Relationship_Stage__c', 'Period_Start__c', 'Period_End__c', 'Review_Cadence_Days__c', 'Shared_Value__c',
  'Customer_Acknowledged__c', 'Joint_Planning_Date__c', 'Account_Lead__c', 'Backup_Account_Lead__c', 'Health_Score__c', 'Health_Status__c',
  'Health_Execution__c', 'Health_Cadence__c', 'Health_Coverage__c', 'Health_Alignment__c', 'Health_Results__c', 'Health_Reasons__c',
  'Readiness_Count__c', 'Suggested_Stage__c', 'Milestones_Total__c', 'Milestones_Done__c', 'Earliest_Open_Due__c', 'Last_Review_Date__c',
  'Seller_Executives__c', 'Customer_Executives__c', 'Decision_Makers__c', 'Champions__c', 'Committed_Resources__c', 'Objectives_Total__c',
  'Objectives_Agreed__c', 'Measurable_Objectives__c', 'Attainment_Total__c'
];
const PART_LABELS: Record<string, string> = { execution: EXECUTION, cadence: CADENCE, coverage: COVERAGE, alignment: ALIGNMENT, results: RESULTS };
const STATUS_LABELS: Record<string, string> = { 'On Track': STATUS_ON_TRACK, 'At Risk': STATUS_AT_RISK, 'Off Track': STATUS_OFF_TRACK };
const STATUS_THEMES: Record<string, string> = { 'On Track': 'slds-theme_success', 'At Risk': 'slds-theme_warning', 'Off Track': 'slds-theme_error' };
const BANDS: Record<string, string> = { 'On Track': 'success', 'At Risk': 'warning', 'Off Track': 'error' };

type Node = Record<string, unknown>;
type GraphQLResult = { data?: { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: Node }> } } } }; errors?: unknown; refresh?: () => Promise<void> };

/** Plan health of the account's active plan: score, status, the parts and why, and readiness. */
export default class PlanHealthCard extends LightningElement {
  /** Id of the Account whose record page shows the card. */
  @api recordId: string | undefined;

  labels = { TITLE, NO_PLAN, SCORE, REASONS, PARTS, NO_REASONS, READINESS, SUGGESTED, LAST_REVIEW, REVIEW_RECORD, REVIEW_DATE, REVIEW_TYPE, REVIEW_ATTENDED, REVIEW_DECISIONS, REVIEW_SAVE, REVIEW_CANCEL };
  result: GraphQLResult = {};
  /** The review being recorded; kept as typed until it is saved. */
  review: { date: string; type: string; attended: boolean; decisions: string } | null = null;
  saving = false;

  // One query for everything the card shows: the active plan with its health and roll-up fields.
  @wire(graphql, {
    query: gql`
      query planHealth($accountId: ID) {
        uiapi {
          query {
            Account_Plan__c: Account_Plan__c(
              where: {and: [{Account__c: {eq: $accountId}}, {Status__c: {eq: "Active"}}]}
              first: 1
              orderBy: {Period_Start__c: {order: DESC}}
            ) {
              edges {
                node {
                  Id
                  Name { value }
                  Status__c: Status__c { value }
                  Relationship_Stage__c: Relationship_Stage__c { value }
                  Period_Start__c: Period_Start__c { value }
                  Period_End__c: Period_End__c { value }
                  Review_Cadence_Days__c: Review_Cadence_Days__c { value }
                  Shared_Value__c: Shared_Value__c { value }
                  Customer_Acknowledged__c: Customer_Acknowledged__c { value }
                  Joint_Planning_Date__c: Joint_Planning_Date__c { value }
                  Account_Lead__c: Account_Lead__c { value }
                  Backup_Account_Lead__c: Backup_Account_Lead__c { value }
                  Health_Score__c: Health_Score__c { value }
                  Health_Status__c: Health_Status__c { value }
                  Health_Execution__c: Health_Execution__c { value }
                  Health_Cadence__c: Health_Cadence__c { value }
                  Health_Coverage__c: Health_Coverage__c { value }
                  Health_Alignment__c: Health_Alignment__c { value }
                  Health_Results__c: Health_Results__c { value }
                  Health_Reasons__c: Health_Reasons__c { value }
                  Readiness_Count__c: Readiness_Count__c { value }
                  Suggested_Stage__c: Suggested_Stage__c { value }
                  Milestones_Total__c: Milestones_Total__c { value }
                  Milestones_Done__c: Milestones_Done__c { value }
                  Earliest_Open_Due__c: Earliest_Open_Due__c { value }
                  Last_Review_Date__c: Last_Review_Date__c { value }
                  Seller_Executives__c: Seller_Executives__c { value }
                  Customer_Executives__c: Customer_Executives__c { value }
                  Decision_Makers__c: Decision_Makers__c { value }
                  Champions__c: Champions__c { value }
                  Committed_Resources__c: Committed_Resources__c { value }
                  Objectives_Total__c: Objectives_Total__c { value }
                  Objectives_Agreed__c: Objectives_Agreed__c { value }
                  Measurable_Objectives__c: Measurable_Objectives__c { value }
                  Attainment_Total__c: Attainment_Total__c { value }
                  Account__r: Account__r {
                    Major_Account_Settings__c: Major_Account_Settings__c { value }
                  }
                }
              }
            }
          }
        }
      }
    `,
    variables: '$variables'
  })
  wiredPlan(result: GraphQLResult): void {
    this.result = result;
  }

  get variables(): { accountId: string | undefined } {
    return { accountId: this.recordId };
  }

  get loading(): boolean {
    return !this.result.data && !this.result.errors;
  }

  get errors(): unknown {
    return this.result.errors;
  }

  get plan(): Record<string, unknown> | undefined {
    const node = this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
    if (!node) return undefined;
    return Object.fromEntries(PLAN_FIELDS.map((f) => [f, typeof node[f] === 'object' && node[f] !== null ? (node[f] as { value: unknown }).value : null]));
  }

  /** Thresholds in force (the Account formula publishes the Custom Metadata settings); null if unreadable. */
  get healthSettings(): HealthSettings | null {
    const node = this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
    const account = node?.Account__r as { Major_Account_Settings__c?: { value: string | null } | null } | null | undefined;
    return settingsFromFormula(account?.Major_Account_Settings__c?.value)?.health ?? null;
  }

  get hasPlan(): boolean {
    return Boolean(this.plan);
  }

  get view(): HealthView | undefined {
    return this.plan ? healthView(this.plan, userToday(TIME_ZONE)) : undefined;
  }

  get planName(): string {
    return String(this.plan?.Name ?? '');
  }

  get scoreText(): string {
    return this.view?.score === null || this.view?.score === undefined ? NOT_SCORED : String(this.view.score);
  }

  get statusText(): string {
    return this.view?.status ? STATUS_LABELS[this.view.status] : '';
  }

  get statusClass(): string {
    return `slds-badge ${this.view?.status ? STATUS_THEMES[this.view.status] : ''}`;
  }

  /** Each part's bar is coloured by the band the status thresholds give its score, and says that band in words. */
  get parts(): Array<{ key: string; label: string; value: number; text: string; band: string; bandText: string; valueText: string; barClass: string; barStyle: string }> {
    const settings = this.healthSettings;
    return (this.view?.parts ?? []).map((p) => {
      const status = p.score === null || !settings ? null : healthStatusFor(p.score, settings);
      const band = status ? BANDS[status] : 'none';
      const bandText = status ? STATUS_LABELS[status] : '';
      const value = p.score ?? 0;
      return {
        key: p.key,
        label: PART_LABELS[p.key],
        value,
        text: p.score === null ? NO_TARGETS : String(p.score),
        band,
        bandText,
        valueText: p.score === null ? NO_TARGETS : [formatLabel(PART_VALUE, p.score), bandText].filter(Boolean).join(', '),
        barClass: `slds-progress-bar__value${status ? ` slds-theme_${band}` : ''}`,
        barStyle: `width: ${Math.max(0, Math.min(100, value))}%`
      };
    });
  }

  get reasons(): string[] {
    return this.view?.reasons ?? [];
  }

  get hasReasons(): boolean {
    return this.reasons.length > 0;
  }

  /** Met steps show a green check, unmet ones an empty circle; the icon's text says which. */
  get steps(): Array<{ key: string; step: string; evidence: string; icon: string; variant: string | undefined; state: string; met: string; textClass: string }> {
    return (this.view?.readiness ?? []).map((s) => ({
      key: s.step,
      step: s.step,
      evidence: s.evidence,
      icon: s.met ? 'utility:success' : 'utility:routing_offline',
      variant: s.met ? 'success' : undefined,
      state: s.met ? MET : NOT_MET,
      met: String(s.met),
      textClass: s.met ? '' : 'slds-text-color_weak'
    }));
  }

  get readinessText(): string {
    return `${this.view?.readinessCount ?? 0} / 8`;
  }

  get suggestedStage(): string | null {
    return this.view?.suggestedStage ?? null;
  }

  get lastReview(): string {
    return this.view?.lastReviewDate ?? NEVER;
  }

  get reviewTypes(): Array<{ label: string; value: string }> {
    return [
      { label: TYPE_INTERNAL, value: 'Internal' },
      { label: TYPE_JOINT, value: 'Joint with Customer' },
      { label: TYPE_EXECUTIVE, value: 'Executive' }
    ];
  }

  // Who may record reviews, and whether they may write the health snapshot (managers: the
  // permission sets keep it read-only for reps, so their reviews are stored without it).
  @wire(getObjectInfo, { objectApiName: REVIEW_OBJECT })
  wiredReviewInfo({ data }: { data?: { createable?: boolean; fields?: Record<string, { createable?: boolean }> } }): void {
    if (data) this.reviewInfo = data;
  }

  reviewInfo: { createable?: boolean; fields?: Record<string, { createable?: boolean }> } | undefined;

  get canStartReview(): boolean {
    return !this.review && this.reviewInfo?.createable === true;
  }

  handleStartReview(): void {
    this.review = { date: userToday(TIME_ZONE), type: 'Joint with Customer', attended: true, decisions: '' };
  }

  handleCancelReview(): void {
    this.review = null;
  }

  handleReviewChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    if (!this.review) return;
    const field = (event.currentTarget as HTMLElement).dataset.field as 'date' | 'type' | 'attended' | 'decisions';
    this.review = { ...this.review, [field]: field === 'attended' ? Boolean(event.detail.checked) : (event.detail.value ?? '') };
  }

  /** Stores the review with the plan's health at this moment and the next review due by the cadence. */
  async handleSaveReview(): Promise<void> {
    const review = this.review;
    const plan = this.plan;
    const node = this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
    if (!review || !plan || !node) return;
    const dateInput = this.refs?.reviewDate as (HTMLElement & { setCustomValidity(m: string): void; reportValidity(): boolean }) | undefined;
    const today = userToday(TIME_ZONE);
    const validDate = /^\d{4}-\d{2}-\d{2}$/.test(review.date) && review.date <= today;
    dateInput?.setCustomValidity(validDate ? '' : DATE_REQUIRED);
    dateInput?.reportValidity();
    if (!validDate) return;
    const cadence = Number(plan.Review_Cadence_Days__c ?? 0);
    const next = cadence > 0 ? new Date(Date.parse(`${review.date}T00:00:00Z`) + cadence * 86_400_000).toISOString().slice(0, 10) : null;
    this.saving = true;
    try {
      const snapshot = this.reviewInfo?.fields?.[REVIEW_HEALTH_FIELD.fieldApiName]?.createable === true;
      await createRecord({
        apiName: REVIEW_OBJECT.objectApiName,
        fields: {
          [REVIEW_PLAN_FIELD.fieldApiName]: String(node.Id),
          [REVIEW_DATE_FIELD.fieldApiName]: review.date,
          [REVIEW_TYPE_FIELD.fieldApiName]: review.type,
          [REVIEW_ATTENDED_FIELD.fieldApiName]: review.attended,
          [REVIEW_DECISIONS_FIELD.fieldApiName]: review.decisions,
          ...(snapshot ? { [REVIEW_HEALTH_FIELD.fieldApiName]: this.view?.score ?? null } : {}),
          ...(next ? { [REVIEW_NEXT_FIELD.fieldApiName]: next } : {})
        }
      });
      this.review = null;
      this.dispatchEvent(new ShowToastEvent({ title: REVIEW_SAVED, variant: 'success' }));
      await this.result.refresh?.();
    } catch (error) {
      this.dispatchEvent(new ShowToastEvent({ title: REVIEW_SAVE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
    } finally {
      this.saving = false;
    }
  }
}
