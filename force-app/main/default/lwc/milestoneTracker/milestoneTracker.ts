import { api, wire } from 'lwc';
import { EditableCard } from 'c/editableCard';
import { gql, graphql } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { formatLabel, objectAccess, reduceErrors, userToday, type ObjectAccess } from 'c/ldsUtils';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import ID_FIELD from '@salesforce/schema/Plan_Milestone__c.Id';
import STATUS_FIELD from '@salesforce/schema/Plan_Milestone__c.Status__c';
import COMPLETED_FIELD from '@salesforce/schema/Plan_Milestone__c.Completed_On__c';
import MILESTONE_OBJECT from '@salesforce/schema/Plan_Milestone__c';
import PLAN_FIELD from '@salesforce/schema/Plan_Milestone__c.Plan__c';
import NAME_FIELD from '@salesforce/schema/Plan_Milestone__c.Name';
import DUE_FIELD from '@salesforce/schema/Plan_Milestone__c.Due_Date__c';
import OWNER_FIELD from '@salesforce/schema/Plan_Milestone__c.Owner__c';
import STEP_FIELD from '@salesforce/schema/Plan_Milestone__c.Relationship_Step__c';
import OBJECTIVE_FIELD from '@salesforce/schema/Plan_Milestone__c.Objective__c';
import ADD from '@salesforce/label/c.MAM_Milestones_Add';
import SAVED from '@salesforce/label/c.MAM_Milestones_Saved';
import TITLE from '@salesforce/label/c.MAM_Milestones_Title';
import FILTER from '@salesforce/label/c.MAM_Milestones_Filter';
import ALL from '@salesforce/label/c.MAM_Milestones_All';
import MINE from '@salesforce/label/c.MAM_Milestones_Mine';
import LATE from '@salesforce/label/c.MAM_Milestones_Late';
import NONE from '@salesforce/label/c.MAM_Milestones_None';
import NO_PLAN from '@salesforce/label/c.MAM_Milestones_No_Plan';
import MARK_DONE from '@salesforce/label/c.MAM_Milestones_Mark_Done';
import DAYS_LATE from '@salesforce/label/c.MAM_Milestones_Days_Late';
import DUE from '@salesforce/label/c.MAM_Milestones_Due';
import DONE_TOAST from '@salesforce/label/c.MAM_Milestones_Done_Toast';
import SAVE_FAILED from '@salesforce/label/c.MAM_Milestones_Save_Failed';
import NO_OWNER from '@salesforce/label/c.MAM_Milestones_No_Owner';
import DONE_ON from '@salesforce/label/c.MAM_Milestones_Done_On';
import OWNER from '@salesforce/label/c.MAM_Milestones_Owner';
import EDIT_ROW from '@salesforce/label/c.MAM_Milestones_Edit_Row';
import EDIT_HEADING from '@salesforce/label/c.MAM_Milestones_Edit_Heading';

type Value<T> = { value: T } | null | undefined;
type MilestoneNode = {
  Id: string;
  Name: Value<string>;
  Status__c: Value<string>;
  Due_Date__c: Value<string | null>;
  Completed_On__c: Value<string | null>;
  Days_Late__c: Value<number | null>;
  Relationship_Step__c: Value<string | null>;
  Owner__c: Value<string | null>;
  Owner__r: { Name: Value<string> } | null;
};
type Result = {
  data?: { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string; Milestones__r: { edges: Array<{ node: MilestoneNode }> } } }> } } } };
  errors?: unknown;
  refresh?: () => Promise<void>;
};
export type MilestoneRow = { id: string; name: string; status: string; due: string | null; completed: string | null; step: string; owner: string; ownerId: string | null; daysLate: number; late: boolean; open: boolean; canMarkDone: boolean; lateText: string; rowClass: string; editLabel: string };

/** Status groups in the order a rep works through them. */
const GROUPS = ['Blocked', 'In Progress', 'Not Started', 'Done', 'Cancelled'];
const OPEN = new Set(['Blocked', 'In Progress', 'Not Started']);

/** The active plan's milestones by status; late ones stand out; mark done in one click. */
export default class MilestoneTracker extends EditableCard {
  /** Id of the Account whose record page shows the tracker. */
  @api recordId: string | undefined;

  labels = { TITLE, FILTER, NONE, NO_PLAN, MARK_DONE, DUE, DONE_ON, OWNER, ADD };
  objectApiName = MILESTONE_OBJECT.objectApiName;
  formFields = [
    { fieldName: NAME_FIELD.fieldApiName, required: true },
    { fieldName: DUE_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: STATUS_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: COMPLETED_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: OWNER_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: STEP_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: OBJECTIVE_FIELD.fieldApiName, size: '1-of-2' }
  ];
  filter = 'all';
  result: Result = {};
  protected formLabels = { add: ADD, edit: EDIT_HEADING, saved: SAVED };

  @wire(graphql, {
    query: gql`
      query milestones($accountId: ID) {
        uiapi {
          objectInfos(apiNames: ["Plan_Milestone__c"]) { ApiName createable updateable deletable }
          query {
            Account_Plan__c: Account_Plan__c(
              where: {and: [{Account__c: {eq: $accountId}}, {Status__c: {eq: "Active"}}]}
              first: 1
            ) {
              edges {
                node {
                  Id
                  Milestones__r: Milestones__r(first: 2000, orderBy: {Due_Date__c: {order: ASC}}) {
                    edges {
                      node {
                        Id
                        Name { value }
                        Status__c: Status__c { value }
                        Due_Date__c: Due_Date__c { value }
                        Completed_On__c: Completed_On__c { value }
                        Days_Late__c: Days_Late__c { value }
                        Relationship_Step__c: Relationship_Step__c { value }
                        Owner__c: Owner__c { value }
                        Owner__r: Owner__r {
                          Name { value }
                        }
                      }
                    }
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
  wiredMilestones(result: Result): void {
    this.result = result;
  }

  /** What the user may do with Plan_Milestone__c: actions they may not take are not offered. */
  get access(): ObjectAccess {
    return objectAccess(this.result.data, 'Plan_Milestone__c');
  }

  get variables(): { accountId: string | undefined } {
    return { accountId: this.recordId };
  }

  get filterOptions(): Array<{ label: string; value: string }> {
    return [
      { label: ALL, value: 'all' },
      { label: MINE, value: 'mine' },
      { label: LATE, value: 'late' }
    ];
  }

  get loading(): boolean {
    return !this.result.data && !this.result.errors;
  }

  get errors(): unknown {
    return this.result.errors;
  }

  get noPlan(): boolean {
    return !this.result.data?.uiapi.query.Account_Plan__c.edges.length;
  }

  get rows(): MilestoneRow[] {
    const plan = this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
    return (plan?.Milestones__r.edges ?? []).map(({ node }) => {
      const status = node.Status__c?.value ?? 'Not Started';
      const daysLate = Number(node.Days_Late__c?.value ?? 0);
      const late = OPEN.has(status) && daysLate > 0;
      return {
        id: node.Id,
        name: node.Name?.value ?? '',
        status,
        due: node.Due_Date__c?.value ?? null,
        completed: status === 'Done' ? (node.Completed_On__c?.value ?? null) : null,
        step: node.Relationship_Step__c?.value ?? '',
        owner: node.Owner__r?.Name?.value ?? NO_OWNER,
        ownerId: node.Owner__c?.value ?? null,
        daysLate,
        late,
        open: OPEN.has(status),
        canMarkDone: OPEN.has(status) && this.access.edit,
        lateText: late ? formatLabel(DAYS_LATE, daysLate) : '',
        rowClass: late ? 'slds-item milestone late' : 'slds-item milestone',
        editLabel: formatLabel(EDIT_ROW, node.Name?.value ?? '')
      };
    });
  }

  get groups(): Array<{ status: string; rows: MilestoneRow[] }> {
    const visible = this.rows.filter((row) => this.filter === 'all' || (this.filter === 'mine' ? row.ownerId === USER_ID : row.late));
    return GROUPS.map((status) => ({ status, rows: visible.filter((row) => row.status === status) })).filter((group) => group.rows.length > 0);
  }

  get isEmpty(): boolean {
    return this.groups.length === 0;
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    this.filter = event.detail.value;
  }

  async handleMarkDone(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    try {
      await updateRecord({ fields: { [ID_FIELD.fieldApiName]: id, [STATUS_FIELD.fieldApiName]: 'Done', [COMPLETED_FIELD.fieldApiName]: userToday(TIME_ZONE) } });
      this.dispatchEvent(new ShowToastEvent({ title: DONE_TOAST, variant: 'success' }));
      await this.result.refresh?.();
    } catch (error) {
      this.dispatchEvent(new ShowToastEvent({ title: SAVE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
    }
  }

  get planId(): string | undefined {
    return this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node.Id;
  }

  /** Add is offered once the active plan has loaded, to users who may create records. */
  get canAdd(): boolean {
    return this.access.create && Boolean(this.planId);
  }

  /** A new milestone belongs to the active plan. */
  get newDefaults(): Record<string, unknown> {
    return { [PLAN_FIELD.fieldApiName]: this.planId };
  }
}
