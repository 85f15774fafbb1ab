import { api, wire } from 'lwc';
import { EditableCard } from 'c/editableCard';
import { gql, graphql } from 'lightning/graphql';
import { deleteRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { formatLabel, objectAccess, reduceErrors, type ObjectAccess } from 'c/ldsUtils';
import { measureFormat, type MeasureFormat } from 'c/mamService';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import OBJECTIVE_OBJECT from '@salesforce/schema/Plan_Objective__c';
import PLAN_FIELD from '@salesforce/schema/Plan_Objective__c.Plan__c';
import TYPE_FIELD from '@salesforce/schema/Plan_Objective__c.Type__c';
import DESCRIPTION_FIELD from '@salesforce/schema/Plan_Objective__c.Description__c';
import MEASURE_FIELD from '@salesforce/schema/Plan_Objective__c.Measure__c';
import TARGET_FIELD from '@salesforce/schema/Plan_Objective__c.Target__c';
import ACTUAL_FIELD from '@salesforce/schema/Plan_Objective__c.Actual__c';
import AGREED_FIELD from '@salesforce/schema/Plan_Objective__c.Customer_Agreed__c';
import DUE_FIELD from '@salesforce/schema/Plan_Objective__c.Due_Date__c';
import TITLE from '@salesforce/label/c.MAM_Objectives_Title';
import ADD from '@salesforce/label/c.MAM_Objectives_Add';
import EDIT from '@salesforce/label/c.MAM_Objectives_Edit';
import DELETE from '@salesforce/label/c.MAM_Objectives_Delete';
import NONE from '@salesforce/label/c.MAM_Objectives_None';
import NO_PLAN from '@salesforce/label/c.MAM_Objectives_No_Plan';
import SAVED from '@salesforce/label/c.MAM_Objectives_Saved';
import DELETED from '@salesforce/label/c.MAM_Objectives_Deleted';
import DELETE_FAILED from '@salesforce/label/c.MAM_Objectives_Delete_Failed';
import CONFIRM_DELETE from '@salesforce/label/c.MAM_Objectives_Confirm_Delete';
import TYPE from '@salesforce/label/c.MAM_Objectives_Type';
import DESCRIPTION from '@salesforce/label/c.MAM_Objectives_Description';
import TARGET from '@salesforce/label/c.MAM_Objectives_Target';
import ACTUAL from '@salesforce/label/c.MAM_Objectives_Actual';
import ATTAINMENT from '@salesforce/label/c.MAM_Objectives_Attainment';
import AGREED from '@salesforce/label/c.MAM_Objectives_Agreed';
import YES from '@salesforce/label/c.MAM_Objectives_Yes';
import NO from '@salesforce/label/c.MAM_Objectives_No';
import EDIT_ROW from '@salesforce/label/c.MAM_Objectives_Edit_Row';
import DELETE_ROW from '@salesforce/label/c.MAM_Objectives_Delete_Row';
import EDIT_HEADING from '@salesforce/label/c.MAM_Objectives_Edit_Heading';

type Value<T> = { value: T } | null | undefined;
type ObjectiveNode = { Id: string; Type__c: Value<string>; Description__c: Value<string>; Measure__c: Value<string | null>; Target__c: Value<number | null>; Actual__c: Value<number | null>; Attainment__c: Value<number | null>; Customer_Agreed__c: Value<boolean>; Due_Date__c: Value<string | null> };
type Result = {
  data?: { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string; Objectives__r: { edges: Array<{ node: ObjectiveNode }> } } }> } } } };
  errors?: unknown;
  refresh?: () => Promise<void>;
};

type ObjectiveRow = { id: string; type: string; description: string; measure: string; target: string; actual: string; unit: string; attainment: number; attainmentText: string; hasAttainment: boolean; agreed: string; editLabel: string; deleteLabel: string };
type EditorField = { fieldName: string; required?: boolean; size?: string };

/** A target or actual as the measure reads: money in its currency, a percentage, or a plain number. */
function formatMeasure(value: number | null | undefined, format: MeasureFormat): string {
  if (value === null || value === undefined) return '—';
  if (format.style === 'percent') return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  if (format.style === 'currency') {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: format.currency ?? CURRENCY, notation: 'compact', maximumSignificantDigits: 3 }).format(value * format.scale);
  }
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }).format(value);
}

/** The active plan's objectives with targets, actuals and attainment; add, edit and delete. */
export default class PlanObjectives extends EditableCard {
  /** Id of the Account whose record page shows the objectives. */
  @api recordId: string | undefined;

  labels = { TITLE, ADD, EDIT, DELETE, NONE, NO_PLAN, TYPE, DESCRIPTION, TARGET, ACTUAL, ATTAINMENT, AGREED };
  objectApiName = OBJECTIVE_OBJECT.objectApiName;
  formFields: EditorField[] = [
    { fieldName: DESCRIPTION_FIELD.fieldApiName, required: true },
    { fieldName: TYPE_FIELD.fieldApiName, required: true, size: '1-of-2' },
    { fieldName: MEASURE_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: TARGET_FIELD.fieldApiName, size: '1-of-3' },
    { fieldName: ACTUAL_FIELD.fieldApiName, size: '1-of-3' },
    { fieldName: DUE_FIELD.fieldApiName, size: '1-of-3' },
    { fieldName: AGREED_FIELD.fieldApiName }
  ];
  /** A new objective is named after its description. */
  nameFrom = DESCRIPTION_FIELD.fieldApiName;
  result: Result = {};
  protected formLabels = { add: ADD, edit: EDIT_HEADING, saved: SAVED };

  @wire(graphql, {
    query: gql`
      query objectives($accountId: ID) {
        uiapi {
          objectInfos(apiNames: ["Plan_Objective__c"]) { ApiName createable updateable deletable }
          query {
            Account_Plan__c: Account_Plan__c(
              where: {and: [{Account__c: {eq: $accountId}}, {Status__c: {eq: "Active"}}]}
              first: 1
            ) {
              edges {
                node {
                  Id
                  Objectives__r: Objectives__r(first: 200, orderBy: {Due_Date__c: {order: ASC}}) {
                    edges {
                      node {
                        Id
                        Type__c: Type__c { value }
                        Description__c: Description__c { value }
                        Measure__c: Measure__c { value }
                        Target__c: Target__c { value }
                        Actual__c: Actual__c { value }
                        Attainment__c: Attainment__c { value }
                        Customer_Agreed__c: Customer_Agreed__c { value }
                        Due_Date__c: Due_Date__c { value }
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
  wiredObjectives(result: Result): void {
    this.result = result;
  }

  /** What the user may do with Plan_Objective__c: actions they may not take are not offered. */
  get access(): ObjectAccess {
    return objectAccess(this.result.data, 'Plan_Objective__c');
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

  get planId(): string | undefined {
    return this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node.Id;
  }

  get noPlan(): boolean {
    return !this.planId;
  }

  get rows(): ObjectiveRow[] {
    const plan = this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
    return (plan?.Objectives__r.edges ?? []).map(({ node }) => {
      // Attainment__c is a percent field: the API returns 61 for 61%.
      const attainment = node.Attainment__c?.value;
      const percent = attainment === null || attainment === undefined ? null : Math.round(attainment);
      const format = measureFormat(node.Type__c?.value, node.Measure__c?.value);
      return {
        id: node.Id,
        type: node.Type__c?.value ?? '',
        description: node.Description__c?.value ?? '',
        measure: node.Measure__c?.value ?? '',
        target: formatMeasure(node.Target__c?.value, format),
        actual: formatMeasure(node.Actual__c?.value, format),
        unit: format.style === 'number' ? (format.unit ?? '') : '',
        attainment: Math.min(100, Math.max(0, percent ?? 0)),
        attainmentText: percent === null ? '—' : new Intl.NumberFormat(LOCALE, { style: 'percent' }).format(percent / 100),
        hasAttainment: percent !== null,
        agreed: node.Customer_Agreed__c?.value ? YES : NO,
        editLabel: formatLabel(EDIT_ROW, node.Description__c?.value ?? ''),
        deleteLabel: formatLabel(DELETE_ROW, node.Description__c?.value ?? '')
      };
    });
  }

  get isEmpty(): boolean {
    return this.rows.length === 0;
  }

  /** Add is offered once the active plan has loaded, to users who may create records. */
  get canAdd(): boolean {
    return this.access.create && Boolean(this.planId);
  }

  /** The edit and delete column, only for users who may do one of them. */
  get showActions(): boolean {
    return this.access.edit || this.access.remove;
  }

  /** A new objective belongs to the active plan. */
  get newDefaults(): Record<string, unknown> {
    return { [PLAN_FIELD.fieldApiName]: this.planId };
  }


  async handleDelete(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (!id || !(await LightningConfirm.open({ message: CONFIRM_DELETE, label: DELETE, theme: 'warning' }))) return;
    try {
      await deleteRecord(id);
      this.dispatchEvent(new ShowToastEvent({ title: DELETED, variant: 'success' }));
      await this.result.refresh?.();
    } catch (error) {
      this.dispatchEvent(new ShowToastEvent({ title: DELETE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
    }
  }
}
