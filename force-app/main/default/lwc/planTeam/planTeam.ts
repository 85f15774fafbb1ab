import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { coverageGaps, orgChart, type OrgNode, type TeamMember } from 'c/mamService';
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

const GAP_LABELS: Record<string, string> = { noCustomerExecutive: GAP_CUSTOMER_EXECUTIVE, noSellerExecutive: GAP_SELLER_EXECUTIVE, noChampion: GAP_CHAMPION, noDecisionMaker: GAP_DECISION_MAKER, noBackupLead: GAP_BACKUP_LEAD };

type Value<T> = { value: T } | null | undefined;
type RoleNode = {
  Id: string;
  Side__c: Value<string>;
  Role__c: Value<string | null>;
  C_Level__c: Value<boolean>;
  Influence__c: Value<string | null>;
  Relationship_Strength__c: Value<string | null>;
  Committed__c: Value<boolean>;
  Reports_To__c: Value<string | null>;
  User__r: { Name: Value<string> } | null;
  Contact__r: { Name: Value<string>; Title: Value<string | null> } | null;
};
type Result = {
  data?: { uiapi: { query: { Account_Plan__c: { edges: Array<{ node: { Id: string; Backup_Account_Lead__c: Value<string | null>; Team_Roles__r: { edges: Array<{ node: RoleNode }> } } }> } } } };
  errors?: unknown;
};

/** Both teams side by side, each as an org chart from reports-to, with the coverage gaps. */
export default class PlanTeam extends LightningElement {
  /** Id of the Account whose record page shows the teams. */
  @api recordId: string | undefined;

  labels = { TITLE, SELLER, CUSTOMER, EMPTY_SIDE, NO_PLAN, GAPS };
  result: Result = {};

  @wire(graphql, {
    query: gql`
      query team($accountId: ID) {
        uiapi {
          query {
            Account_Plan__c(where: { and: [{ Account__c: { eq: $accountId } }, { Status__c: { eq: "Active" } }] }, first: 1) {
              edges {
                node {
                  Id
                  Backup_Account_Lead__c { value }
                  Team_Roles__r(first: 200) {
                    edges {
                      node {
                        Id
                        Side__c { value }
                        Role__c { value }
                        C_Level__c { value }
                        Influence__c { value }
                        Relationship_Strength__c { value }
                        Committed__c { value }
                        Reports_To__c { value }
                        User__r { Name { value } }
                        Contact__r { Name { value } Title { value } }
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

  get variables(): { accountId: string | undefined } {
    return { accountId: this.recordId };
  }

  get loading(): boolean {
    return !this.result.data && !this.result.errors;
  }

  get errors(): unknown {
    return this.result.errors;
  }

  private get plan(): { Backup_Account_Lead__c: Value<string | null>; Team_Roles__r: { edges: Array<{ node: RoleNode }> } } | undefined {
    return this.result.data?.uiapi.query.Account_Plan__c.edges[0]?.node;
  }

  get hasPlan(): boolean {
    return Boolean(this.plan);
  }

  private get members(): TeamMember[] {
    return (this.plan?.Team_Roles__r.edges ?? []).map(({ node }) => ({
      id: node.Id,
      side: node.Side__c?.value ?? '',
      name: node.Contact__r?.Name?.value ?? node.User__r?.Name?.value ?? UNNAMED,
      title: node.Contact__r?.Title?.value ?? null,
      role: node.Role__c?.value ?? null,
      cLevel: node.C_Level__c?.value === true,
      influence: node.Influence__c?.value ?? null,
      strength: node.Relationship_Strength__c?.value ?? null,
      committed: node.Committed__c?.value === true,
      reportsTo: node.Reports_To__c?.value ?? null
    }));
  }

  get sellerTree(): OrgNode[] {
    return orgChart(this.members, 'Seller');
  }

  get customerTree(): OrgNode[] {
    return orgChart(this.members, 'Customer');
  }

  get hasSeller(): boolean {
    return this.sellerTree.length > 0;
  }

  get hasCustomer(): boolean {
    return this.customerTree.length > 0;
  }

  get gaps(): Array<{ key: string; label: string }> {
    return coverageGaps(this.members, Boolean(this.plan?.Backup_Account_Lead__c?.value)).map((gap) => ({ key: gap, label: GAP_LABELS[gap] }));
  }

  get hasGaps(): boolean {
    return this.gaps.length > 0;
  }
}
