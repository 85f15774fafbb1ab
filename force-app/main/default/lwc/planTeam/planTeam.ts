import { api, wire } from 'lwc';
import { EditableCard } from 'c/editableCard';
import { gql, graphql } from 'lightning/graphql';
import { deleteRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import { formatLabel, objectAccess, reduceErrors, type ObjectAccess } from 'c/ldsUtils';
import { coverageGaps, orgChart, type OrgNode, type TeamMember } from 'c/mamService';
import ROLE_OBJECT from '@salesforce/schema/Account_Team_Role__c';
import PLAN_FIELD from '@salesforce/schema/Account_Team_Role__c.Plan__c';
import SIDE_FIELD from '@salesforce/schema/Account_Team_Role__c.Side__c';
import ROLE_FIELD from '@salesforce/schema/Account_Team_Role__c.Role__c';
import USER_FIELD from '@salesforce/schema/Account_Team_Role__c.User__c';
import CONTACT_FIELD from '@salesforce/schema/Account_Team_Role__c.Contact__c';
import REPORTS_TO_FIELD from '@salesforce/schema/Account_Team_Role__c.Reports_To__c';
import C_LEVEL_FIELD from '@salesforce/schema/Account_Team_Role__c.C_Level__c';
import INFLUENCE_FIELD from '@salesforce/schema/Account_Team_Role__c.Influence__c';
import STRENGTH_FIELD from '@salesforce/schema/Account_Team_Role__c.Relationship_Strength__c';
import COMMITTED_FIELD from '@salesforce/schema/Account_Team_Role__c.Committed__c';
import TITLE from '@salesforce/label/c.MAM_Team_Title';
import SELLER from '@salesforce/label/c.MAM_Team_Seller';
import CUSTOMER from '@salesforce/label/c.MAM_Team_Customer';
import EMPTY_SIDE from '@salesforce/label/c.MAM_Team_Empty_Side';
import NO_PLAN from '@salesforce/label/c.MAM_Team_No_Plan';
import GAPS from '@salesforce/label/c.MAM_Team_Gaps';
import GAP_CUSTOMER_EXECUTIVE from '@salesforce/label/c.MAM_Team_Gap_noCustomerExecutive';
import GAP_SELLER_EXECUTIVE from '@salesforce/label/c.MAM_Team_Gap_noSellerExecutive';
import GAP_CHAMPION from '@salesforce/label/c.MAM_Team_Gap_noChampion';
import GAP_DECISION_MAKER from '@salesforce/label/c.MAM_Team_Gap_noDecisionMaker';
import GAP_BACKUP_LEAD from '@salesforce/label/c.MAM_Team_Gap_noBackupLead';
import UNNAMED from '@salesforce/label/c.MAM_Team_Unnamed';
import UNNAMED_NOTE from '@salesforce/label/c.MAM_Team_Unnamed_Note';
import ADD from '@salesforce/label/c.MAM_Team_Add';
import EDIT from '@salesforce/label/c.MAM_Team_Edit';
import EDIT_PERSON from '@salesforce/label/c.MAM_Team_Edit_Person';
import REMOVE_PERSON from '@salesforce/label/c.MAM_Team_Remove_Person';
import REMOVE from '@salesforce/label/c.MAM_Team_Remove';
import CONFIRM_REMOVE from '@salesforce/label/c.MAM_Team_Confirm_Remove';
import SAVED from '@salesforce/label/c.MAM_Team_Saved';
import REMOVED from '@salesforce/label/c.MAM_Team_Removed';
import REMOVE_FAILED from '@salesforce/label/c.MAM_Team_Remove_Failed';
import C_LEVEL from '@salesforce/label/c.MAM_Team_C_Level';
import INFLUENCE from '@salesforce/label/c.MAM_Team_Influence';
import RELATIONSHIP from '@salesforce/label/c.MAM_Team_Relationship';
import COMMITTED from '@salesforce/label/c.MAM_Team_Committed';
import REPORTS_TO from '@salesforce/label/c.MAM_Team_Reports_To';
import REPORTS_TO_FIELD_LABEL from '@salesforce/label/c.MAM_Team_Reports_To_Field';
import REPORTS_TO_NOBODY from '@salesforce/label/c.MAM_Team_Reports_To_Nobody';
import MEMBER_OPTION from '@salesforce/label/c.MAM_Team_Member_Option';

const GAP_LABELS: Record<string, string> = { noCustomerExecutive: GAP_CUSTOMER_EXECUTIVE, noSellerExecutive: GAP_SELLER_EXECUTIVE, noChampion: GAP_CHAMPION, noDecisionMaker: GAP_DECISION_MAKER, noBackupLead: GAP_BACKUP_LEAD };

type Value<T> = { value: T } | null | undefined;
type Picklist = { value: string | null; displayValue?: string | null } | null | undefined;
type RoleNode = {
  Id: string;
  Side__c: Value<string>;
  Role__c: Picklist;
  C_Level__c: Value<boolean>;
  Influence__c: Picklist;
  Relationship_Strength__c: Picklist;
  Committed__c: Value<boolean>;
  Reports_To__c: Value<string | null>;
  User__r: { Name: Value<string> } | null;
  Contact__r: { Name: Value<string>; Title: Value<string | null> } | null;
};
type Plan = { Id: string; Backup_Account_Lead__c: Value<string | null>; Team_Roles__r: { edges: Array<{ node: RoleNode }> } };
type Result = {
  data?: { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: Plan }> } } } };
  errors?: unknown;
  refresh?: () => Promise<void>;
};
/** One person in a side's org chart, flattened in chart order; level is the depth under the top. */
export type MemberRow = { id: string; label: string; unnamed: boolean; details: Array<{ key: string; text: string; separator: boolean }>; reportsTo: string; level: number; indent: string; bodyClass: string; editLabel: string; removeLabel: string };
type Side = { key: string; heading: string; rows: MemberRow[]; empty: boolean; unnamedNote: string };

/** Depth beyond which the chart stops indenting (the screen reader text still says who reports to whom). */
const MAX_INDENT = 5;
const label = (picklist: Picklist): string | null => picklist?.displayValue ?? picklist?.value ?? null;

/** Both teams side by side, each as an org chart from reports-to, with the coverage gaps; add, edit and remove people. */
export default class PlanTeam extends EditableCard {
  /** Id of the Account whose record page shows the teams. */
  @api recordId: string | undefined;

  labels = { TITLE, SELLER, CUSTOMER, EMPTY_SIDE, NO_PLAN, GAPS, UNNAMED, ADD };
  objectApiName = ROLE_OBJECT.objectApiName;
  result: Result = {};
  protected formLabels = { add: ADD, edit: EDIT, saved: SAVED };

  @wire(graphql, {
    query: gql`
      query team($accountId: ID) {
        uiapi {
          objectInfos(apiNames: ["Account_Team_Role__c"]) { ApiName createable updateable deletable }
          query {
            Account_Plan__c: Account_Plan__c(
              where: {and: [{Account__c: {eq: $accountId}}, {Status__c: {eq: "Active"}}]}
              first: 1
            ) {
              edges {
                node {
                  Id
                  Backup_Account_Lead__c: Backup_Account_Lead__c { value }
                  Team_Roles__r: Team_Roles__r(first: 200) {
                    edges {
                      node {
                        Id
                        Side__c: Side__c { value }
                        Role__c: Role__c { value displayValue }
                        C_Level__c: C_Level__c { value }
                        Influence__c: Influence__c { value displayValue }
                        Relationship_Strength__c: Relationship_Strength__c { value displayValue }
                        Committed__c: Committed__c { value }
                        Reports_To__c: Reports_To__c { value }
                        User__r: User__r {
                          Name { value }
                        }
                        Contact__r: Contact__r {
                          Name { value }
                          Title { value }
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
  wiredTeam(result: Result): void {
    this.result = result;
  }

  /** What the user may do with Account_Team_Role__c: actions they may not take are not offered. */
  get access(): ObjectAccess {
    return objectAccess(this.result.data, 'Account_Team_Role__c');
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

  private get plan(): Plan | undefined {
    return this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
  }

  get noPlan(): boolean {
    return !this.plan;
  }

  private get nodes(): RoleNode[] {
    return (this.plan?.Team_Roles__r.edges ?? []).map(({ node }) => node);
  }

  /** The people as the service module's team rules read them (picklist values, not labels). */
  private get members(): TeamMember[] {
    return this.nodes.map((node) => ({
      id: node.Id,
      side: node.Side__c?.value ?? '',
      name: this.displayName(node),
      title: node.Contact__r?.Title?.value ?? null,
      role: node.Role__c?.value ?? null,
      cLevel: node.C_Level__c?.value === true,
      influence: node.Influence__c?.value ?? null,
      strength: node.Relationship_Strength__c?.value ?? null,
      committed: node.Committed__c?.value === true,
      reportsTo: node.Reports_To__c?.value ?? null
    }));
  }

  /** The person's name, or for a role nobody fills yet the role itself. */
  private displayName(node: RoleNode): string {
    return node.Contact__r?.Name?.value ?? node.User__r?.Name?.value ?? label(node.Role__c) ?? UNNAMED;
  }

  private side(key: string, heading: string): Side {
    const byId = new Map(this.nodes.map((node) => [node.Id, node]));
    const rows: MemberRow[] = [];
    const visit = (items: OrgNode[], level: number, manager: string | null): void => {
      for (const item of items) {
        const node = byId.get(item.name);
        if (!node) continue;
        const unnamed = !node.Contact__r?.Name?.value && !node.User__r?.Name?.value;
        const influence = label(node.Influence__c);
        const strength = label(node.Relationship_Strength__c);
        const details = [
          unnamed ? null : label(node.Role__c),
          node.Contact__r?.Title?.value ?? null,
          node.C_Level__c?.value ? C_LEVEL : null,
          influence ? formatLabel(INFLUENCE, influence) : null,
          strength ? formatLabel(RELATIONSHIP, strength) : null,
          node.Committed__c?.value ? COMMITTED : null
        ].filter((part): part is string => Boolean(part));
        const depth = Math.min(level, MAX_INDENT);
        rows.push({
          id: node.Id,
          label: item.label,
          unnamed,
          details: details.map((text, i) => ({ key: `${i}`, text, separator: i < details.length - 1 })),
          reportsTo: manager ? formatLabel(REPORTS_TO, manager) : '',
          level,
          indent: depth ? `padding-left: ${depth * 1.5}rem` : '',
          bodyClass: level ? 'slds-col slds-grow slds-border_left slds-p-left_small' : 'slds-col slds-grow',
          editLabel: formatLabel(EDIT_PERSON, item.label),
          removeLabel: formatLabel(REMOVE_PERSON, item.label)
        });
        visit(item.items, level + 1, item.label);
      }
    };
    visit(orgChart(this.members, key), 0, null);
    const unnamed = rows.filter((row) => row.unnamed).length;
    return { key, heading, rows, empty: rows.length === 0, unnamedNote: unnamed ? formatLabel(UNNAMED_NOTE, unnamed) : '' };
  }

  get sides(): Side[] {
    return [this.side('Seller', SELLER), this.side('Customer', CUSTOMER)];
  }

  get gaps(): Array<{ key: string; label: string }> {
    return coverageGaps(this.members, Boolean(this.plan?.Backup_Account_Lead__c?.value)).map((gap) => ({ key: gap, label: GAP_LABELS[gap] }));
  }

  get hasGaps(): boolean {
    return this.gaps.length > 0;
  }

  /** Add is offered once the active plan has loaded, to users who may create records. */
  get canAdd(): boolean {
    return this.access.create && Boolean(this.plan);
  }

  /**
   * The form's fields. Reports To is a choice among the plan's team: the lookup would search team
   * roles by their record name, which says nothing about the person.
   */
  get formFields(): Array<{ fieldName: string; required?: boolean; size?: string; label?: string; value?: string; options?: Array<{ label: string; value: string }> }> {
    const current = this.nodes.find((node) => node.Id === this.editing);
    const headings: Record<string, string> = { Seller: SELLER, Customer: CUSTOMER };
    const options = [
      { label: REPORTS_TO_NOBODY, value: '' },
      ...this.nodes
        .filter((node) => node.Id !== this.editing)
        .map((node) => ({ label: formatLabel(MEMBER_OPTION, this.displayName(node), headings[node.Side__c?.value ?? ''] ?? node.Side__c?.value ?? ''), value: node.Id }))
    ];
    return [
      { fieldName: SIDE_FIELD.fieldApiName, required: true, size: '1-of-2' },
      { fieldName: ROLE_FIELD.fieldApiName, size: '1-of-2' },
      { fieldName: USER_FIELD.fieldApiName, size: '1-of-2' },
      { fieldName: CONTACT_FIELD.fieldApiName, size: '1-of-2' },
      { fieldName: REPORTS_TO_FIELD.fieldApiName, size: '1-of-2', label: REPORTS_TO_FIELD_LABEL, options, value: current?.Reports_To__c?.value ?? '' },
      { fieldName: INFLUENCE_FIELD.fieldApiName, size: '1-of-2' },
      { fieldName: STRENGTH_FIELD.fieldApiName, size: '1-of-2' },
      { fieldName: C_LEVEL_FIELD.fieldApiName, size: '1-of-2' },
      { fieldName: COMMITTED_FIELD.fieldApiName, size: '1-of-2' }
    ];
  }

  /** A new team member belongs to the active plan. */
  get newDefaults(): Record<string, unknown> {
    return { [PLAN_FIELD.fieldApiName]: this.plan?.Id };
  }


  async handleRemove(event: Event): Promise<void> {
    const { id, name } = (event.currentTarget as HTMLElement).dataset;
    if (!id || !(await LightningConfirm.open({ message: formatLabel(CONFIRM_REMOVE, name ?? ''), label: REMOVE, theme: 'warning' }))) return;
    try {
      await deleteRecord(id);
      if (this.editing === id) this.editing = null;
      this.dispatchEvent(new ShowToastEvent({ title: REMOVED, variant: 'success' }));
      await this.result.refresh?.();
    } catch (error) {
      this.dispatchEvent(new ShowToastEvent({ title: REMOVE_FAILED, message: reduceErrors(error).join(', '), variant: 'error' }));
    }
  }
}
