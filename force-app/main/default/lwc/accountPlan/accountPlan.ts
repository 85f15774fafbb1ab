import { LightningElement, api, wire } from 'lwc';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { gql, graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { NavigationMixin } from 'lightning/navigation';
import LightningConfirm from 'lightning/confirm';
import { objectAccess, reduceErrors, type ObjectAccess, userToday } from 'c/ldsUtils';
import { planTemplate, type PlanDraft } from 'c/mamService';
import PLAN_OBJECT from '@salesforce/schema/Account_Plan__c';
import MILESTONE_OBJECT from '@salesforce/schema/Plan_Milestone__c';
import OBJECTIVE_OBJECT from '@salesforce/schema/Plan_Objective__c';
import STATUS_FIELD from '@salesforce/schema/Account_Plan__c.Status__c';
import STAGE_FIELD from '@salesforce/schema/Account_Plan__c.Relationship_Stage__c';
import START_FIELD from '@salesforce/schema/Account_Plan__c.Period_Start__c';
import END_FIELD from '@salesforce/schema/Account_Plan__c.Period_End__c';
import SHARED_VALUE_FIELD from '@salesforce/schema/Account_Plan__c.Shared_Value__c';
import ACKNOWLEDGED_FIELD from '@salesforce/schema/Account_Plan__c.Customer_Acknowledged__c';
import ACKNOWLEDGED_ON_FIELD from '@salesforce/schema/Account_Plan__c.Customer_Acknowledged_On__c';
import CADENCE_FIELD from '@salesforce/schema/Account_Plan__c.Review_Cadence_Days__c';
import SPONSOR_FIELD from '@salesforce/schema/Account_Plan__c.Executive_Sponsor__c';
import CUSTOMER_SPONSOR_FIELD from '@salesforce/schema/Account_Plan__c.Customer_Executive_Sponsor__c';
import TITLE from '@salesforce/label/c.MAM_Plan_Title';
import NONE from '@salesforce/label/c.MAM_Plan_None';
import CREATE from '@salesforce/label/c.MAM_Plan_Create';
import CREATE_CONFIRM from '@salesforce/label/c.MAM_Plan_Create_Confirm';
import KEEP_MILESTONES from '@salesforce/label/c.MAM_Plan_Keep_Milestones';
import CREATED from '@salesforce/label/c.MAM_Plan_Created';
import CREATE_FAILED from '@salesforce/label/c.MAM_Plan_Create_Failed';
import EDIT from '@salesforce/label/c.MAM_Plan_Edit';
import ARCHIVE from '@salesforce/label/c.MAM_Plan_Archive';
import CONFIRM_ARCHIVE from '@salesforce/label/c.MAM_Plan_Confirm_Archive';
import ARCHIVED from '@salesforce/label/c.MAM_Plan_Archived';
import SAVED from '@salesforce/label/c.MAM_Plan_Saved';
import SAVE_FAILED from '@salesforce/label/c.MAM_Plan_Save_Failed';
import OTHERS from '@salesforce/label/c.MAM_Plan_Others';
import PERIOD from '@salesforce/label/c.MAM_Plan_Period';
import STATUS from '@salesforce/label/c.MAM_Plan_Status';
import STAGE from '@salesforce/label/c.MAM_Plan_Stage';
import SHARED_VALUE from '@salesforce/label/c.MAM_Plan_Shared_Value';
import ACKNOWLEDGED from '@salesforce/label/c.MAM_Plan_Acknowledged';
import SPONSORS from '@salesforce/label/c.MAM_Plan_Sponsors';
import CANCEL from '@salesforce/label/c.MAM_Plan_Cancel';
import SAVE from '@salesforce/label/c.MAM_Plan_Save';

type Value<T> = { value: T } | null | undefined;
type PlanNode = {
  Id: string;
  Name: Value<string>;
  Status__c: Value<string>;
  Relationship_Stage__c: Value<string>;
  Period_Start__c: Value<string | null>;
  Period_End__c: Value<string | null>;
  Shared_Value__c: Value<string | null>;
  Customer_Acknowledged__c: Value<boolean>;
  Customer_Acknowledged_On__c: Value<string | null>;
  Executive_Sponsor__r: { Name: Value<string> } | null;
  Customer_Executive_Sponsor__r: { Name: Value<string> } | null;
};
type Result = {
  data?: { uiapi: { query: { Account: { edges: Array<{ node: { Id: string; Name: Value<string>; OwnerId: Value<string> } }> }; Account_Plan__c: { edges: Array<{ node: PlanNode }> } } } };
  errors?: unknown;
  refresh?: () => Promise<void>;
};
type PlanView = { id: string; name: string; status: string; stage: string; period: string; sharedValue: string; acknowledged: string; sponsors: string };

function text(v: Value<unknown>): string {
  return v?.value === null || v?.value === undefined || v.value === '' ? '—' : String(v.value);
}

/** The account's plan: the active (or draft) one in full, the others listed; create from the template, edit, archive. */
export default class AccountPlan extends NavigationMixin(LightningElement) {
  /** Id of the Account whose record page shows the plan. */
  @api recordId: string | undefined;

  labels = { TITLE, NONE, CREATE, CREATE_CONFIRM, KEEP_MILESTONES, EDIT, ARCHIVE, OTHERS, PERIOD, STATUS, STAGE, SHARED_VALUE, ACKNOWLEDGED, SPONSORS, CANCEL, SAVE };
  planObject = PLAN_OBJECT.objectApiName;
  editFields = [STAGE_FIELD, START_FIELD, END_FIELD, CADENCE_FIELD, SHARED_VALUE_FIELD, ACKNOWLEDGED_FIELD, ACKNOWLEDGED_ON_FIELD, SPONSOR_FIELD, CUSTOMER_SPONSOR_FIELD].map((f) => f.fieldApiName);
  result: Result = {};
  /** The template being reviewed before creation, with the milestones the rep keeps. */
  draft: PlanDraft | null = null;
  dropped = new Set<number>();
  editing = false;
  busy = false;

  @wire(graphql, {
    query: gql`
      query accountPlans($accountId: ID) {
        uiapi {
          objectInfos(apiNames: ["Account_Plan__c"]) { ApiName createable updateable deletable }
          query {
            Account(where: {Id: {eq: $accountId}}) {
              edges {
                node {
                  Id
                  Name { value }
                  OwnerId { value }
                }
              }
            }
            Account_Plan__c: Account_Plan__c(
              where: {Account__c: {eq: $accountId}}
              first: 50
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
                  Shared_Value__c: Shared_Value__c { value }
                  Customer_Acknowledged__c: Customer_Acknowledged__c { value }
                  Customer_Acknowledged_On__c: Customer_Acknowledged_On__c { value }
                  Executive_Sponsor__r: Executive_Sponsor__r {
                    Name { value }
                  }
                  Customer_Executive_Sponsor__r: Customer_Executive_Sponsor__r {
                    Name { value }
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
  wiredPlans(result: Result): void {
    this.result = result;
  }

  /** What the user may do with Account_Plan__c: actions they may not take are not offered. */
  get access(): ObjectAccess {
    return objectAccess(this.result.data, 'Account_Plan__c');
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

  private get plans(): PlanNode[] {
    return (this.result.data?.uiapi.query.Account_Plan__c.edges ?? []).map((e) => e.node);
  }

  /** The plan to show in full: the active one, else the newest draft. */
  private get current(): PlanNode | undefined {
    return this.plans.find((p) => p.Status__c?.value === 'Active') ?? this.plans.find((p) => p.Status__c?.value === 'Draft');
  }

  private view(p: PlanNode): PlanView {
    return {
      id: p.Id,
      name: text(p.Name),
      status: text(p.Status__c),
      stage: text(p.Relationship_Stage__c),
      period: `${text(p.Period_Start__c)} – ${text(p.Period_End__c)}`,
      sharedValue: text(p.Shared_Value__c),
      acknowledged: p.Customer_Acknowledged__c?.value ? text(p.Customer_Acknowledged_On__c) : '—',
      sponsors: `${text(p.Executive_Sponsor__r?.Name)} / ${text(p.Customer_Executive_Sponsor__r?.Name)}`
    };
  }

  get plan(): PlanView | undefined {
    return this.current ? this.view(this.current) : undefined;
  }

  /** The account's other plans, each a link to its record page. */
  get others(): Array<PlanView & { href: string }> {
    return this.plans.filter((p) => p !== this.current).map((p) => ({ ...this.view(p), href: `/lightning/r/${PLAN_OBJECT.objectApiName}/${p.Id}/view` }));
  }

  handleOpenPlan(event: Event): void {
    event.preventDefault();
    const recordId = (event.currentTarget as HTMLElement).dataset.id;
    this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId, objectApiName: PLAN_OBJECT.objectApiName, actionName: 'view' } });
  }

  get hasOthers(): boolean {
    return this.others.length > 0;
  }

  get canCreate(): boolean {
    return this.access.create && !this.plans.some((p) => p.Status__c?.value === 'Active' || p.Status__c?.value === 'Draft') && !this.draft;
  }

  get suggestions(): Array<{ index: number; name: string; step: string; due: string; kept: boolean }> {
    return (this.draft?.milestones ?? []).map((m, index) => ({ index, name: m.Name, step: m.Relationship_Step__c, due: m.Due_Date__c, kept: !this.dropped.has(index) }));
  }

  handleStartCreate(): void {
    const account = this.result.data?.uiapi.query.Account.edges[0]?.node;
    if (!account || !this.recordId) return;
    this.dropped = new Set();
    this.draft = planTemplate({ accountId: this.recordId, accountName: account.Name?.value ?? '', periodStart: userToday(TIME_ZONE), ownerId: account.OwnerId?.value ?? undefined });
  }

  handleToggleMilestone(event: CustomEvent<{ checked: boolean }>): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    const dropped = new Set(this.dropped);
    if (event.detail.checked) dropped.delete(index);
    else dropped.add(index);
    this.dropped = dropped;
  }

  handleCancelCreate(): void {
    this.draft = null;
  }

  async handleCreate(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.busy = true;
    let planId: string;
    try {
      planId = (await createRecord({ apiName: PLAN_OBJECT.objectApiName, fields: draft.plan })).id;
    } catch (error) {
      // The template stays open with the rep's choices, so nothing is lost when they try again.
      this.dispatchEvent(new ShowToastEvent({ title: CREATE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
      this.busy = false;
      return;
    }
    // The plan exists from here on: the template closes so that a retry cannot create a second one.
    this.draft = null;
    const kept = draft.milestones.filter((_, i) => !this.dropped.has(i));
    try {
      await Promise.all([
        ...kept.map((milestone) => createRecord({ apiName: MILESTONE_OBJECT.objectApiName, fields: { ...milestone, Plan__c: planId } })),
        ...draft.objectives.map((objective) => createRecord({ apiName: OBJECTIVE_OBJECT.objectApiName, fields: { ...objective, Plan__c: planId } }))
      ]);
      this.dispatchEvent(new ShowToastEvent({ title: CREATED, variant: 'success' }));
    } catch (error) {
      this.dispatchEvent(new ShowToastEvent({ title: CREATE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
    } finally {
      this.busy = false;
      await this.result.refresh?.();
    }
  }

  handleEdit(): void {
    this.editing = true;
  }

  handleCancelEdit(): void {
    this.editing = false;
  }

  async handleSaved(): Promise<void> {
    this.editing = false;
    this.dispatchEvent(new ShowToastEvent({ title: SAVED, variant: 'success' }));
    await this.result.refresh?.();
  }

  async handleArchive(): Promise<void> {
    const id = this.current?.Id;
    if (!id || !(await LightningConfirm.open({ message: CONFIRM_ARCHIVE, label: ARCHIVE, theme: 'warning' }))) return;
    try {
      await updateRecord({ fields: { Id: id, [STATUS_FIELD.fieldApiName]: 'Archived' } });
      this.dispatchEvent(new ShowToastEvent({ title: ARCHIVED, variant: 'success' }));
      await this.result.refresh?.();
    } catch (error) {
      this.dispatchEvent(new ShowToastEvent({ title: SAVE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
    }
  }
}
