import { api, wire } from 'lwc';
import { EditableCard } from 'c/editableCard';
import { formatLabel, objectAccess, type ObjectAccess } from 'c/ldsUtils';
import { gql, graphql } from 'lightning/graphql';
import INSIGHT_OBJECT from '@salesforce/schema/Plan_Insight__c';
import PLAN_FIELD from '@salesforce/schema/Plan_Insight__c.Plan__c';
import NAME_FIELD from '@salesforce/schema/Plan_Insight__c.Name';
import TYPE_FIELD from '@salesforce/schema/Plan_Insight__c.Type__c';
import DETAIL_FIELD from '@salesforce/schema/Plan_Insight__c.Detail__c';
import COMPETITOR_FIELD from '@salesforce/schema/Plan_Insight__c.Competitor_Name__c';
import IMPACT_FIELD from '@salesforce/schema/Plan_Insight__c.Impact__c';
import SOURCE_FIELD from '@salesforce/schema/Plan_Insight__c.Source__c';
import DATE_FIELD from '@salesforce/schema/Plan_Insight__c.Insight_Date__c';
import TITLE from '@salesforce/label/c.MAM_Insights_Title';
import ADD from '@salesforce/label/c.MAM_Insights_Add';
import SAVED from '@salesforce/label/c.MAM_Insights_Saved';
import NONE from '@salesforce/label/c.MAM_Insights_None';
import NO_PLAN from '@salesforce/label/c.MAM_Insights_No_Plan';
import OTHER from '@salesforce/label/c.MAM_Insights_Other';
import EDIT_ROW from '@salesforce/label/c.MAM_Insights_Edit_Row';
import EDIT_HEADING from '@salesforce/label/c.MAM_Insights_Edit_Heading';

type Value<T> = { value: T } | null | undefined;
type InsightNode = { Id: string; Name: Value<string>; Type__c: Value<string>; Detail__c: Value<string | null>; Competitor_Name__c: Value<string | null>; Impact__c: Value<string | null> };
type Result = {
  data?: { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string; Insights__r: { edges: Array<{ node: InsightNode }> } } }> } } } };
  errors?: unknown;
  refresh?: () => Promise<void>;
};
type InsightRow = { id: string; title: string; detail: string; type: string; impact: string; badge: string; editLabel: string };

const SWOT = ['Strength', 'Weakness', 'Opportunity', 'Threat'];
const OTHERS = ['Competitor', 'Market Trend', 'Customer Challenge', 'Decision Criterion'];

/** What the team understands about the customer: a SWOT grid, then competitors, trends, challenges and criteria. */
export default class PlanInsights extends EditableCard {
  /** Id of the Account whose record page shows the insights. */
  @api recordId: string | undefined;

  labels = { TITLE, ADD, NONE, NO_PLAN, OTHER };
  objectApiName = INSIGHT_OBJECT.objectApiName;
  formFields = [
    { fieldName: TYPE_FIELD.fieldApiName, required: true, size: '1-of-2' },
    { fieldName: IMPACT_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: NAME_FIELD.fieldApiName, required: true },
    { fieldName: DETAIL_FIELD.fieldApiName },
    { fieldName: COMPETITOR_FIELD.fieldApiName },
    { fieldName: SOURCE_FIELD.fieldApiName, size: '1-of-2' },
    { fieldName: DATE_FIELD.fieldApiName, size: '1-of-2' }
  ];
  result: Result = {};
  protected formLabels = { add: ADD, edit: EDIT_HEADING, saved: SAVED };

  @wire(graphql, {
    query: gql`
      query insights($accountId: ID) {
        uiapi {
          objectInfos(apiNames: ["Plan_Insight__c"]) { ApiName createable updateable deletable }
          query {
            Account_Plan__c: Account_Plan__c(
              where: {and: [{Account__c: {eq: $accountId}}, {Status__c: {eq: "Active"}}]}
              first: 1
            ) {
              edges {
                node {
                  Id
                  Insights__r: Insights__r(first: 200) {
                    edges {
                      node {
                        Id
                        Name { value }
                        Type__c: Type__c { value }
                        Detail__c: Detail__c { value }
                        Competitor_Name__c: Competitor_Name__c { value }
                        Impact__c: Impact__c { value }
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
  wiredInsights(result: Result): void {
    this.result = result;
  }

  /** What the user may do with Plan_Insight__c: actions they may not take are not offered. */
  get access(): ObjectAccess {
    return objectAccess(this.result.data, 'Plan_Insight__c');
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

  private get rows(): InsightRow[] {
    const plan = this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
    return (plan?.Insights__r.edges ?? []).map(({ node }) => ({
      id: node.Id,
      title: node.Competitor_Name__c?.value ? `${node.Competitor_Name__c.value}: ${node.Name?.value ?? ''}` : (node.Name?.value ?? ''),
      detail: node.Detail__c?.value ?? '',
      type: node.Type__c?.value ?? '',
      impact: node.Impact__c?.value ?? '',
      badge: node.Impact__c?.value === 'High' ? 'slds-badge slds-theme_warning' : 'slds-badge',
      editLabel: formatLabel(EDIT_ROW, node.Name?.value ?? '')
    }));
  }

  private group(types: string[]): Array<{ type: string; rows: InsightRow[]; empty: boolean }> {
    return types.map((type) => {
      const rows = this.rows.filter((r) => r.type === type);
      return { type, rows, empty: rows.length === 0 };
    });
  }

  get swot(): Array<{ type: string; rows: InsightRow[]; empty: boolean }> {
    return this.group(SWOT);
  }

  get others(): Array<{ type: string; rows: InsightRow[]; empty: boolean }> {
    return this.group(OTHERS).filter((g) => !g.empty);
  }

  /** Add is offered once the active plan has loaded, to users who may create records. */
  get canAdd(): boolean {
    return this.access.create && Boolean(this.planId);
  }

  /** A new insight belongs to the active plan. */
  get newDefaults(): Record<string, unknown> {
    return { [PLAN_FIELD.fieldApiName]: this.planId };
  }
}
