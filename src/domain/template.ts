// The account plan template: a Draft plan with the eight steps of a growing relationship as
// suggested milestones spread over the plan period, and the objectives every plan should state.
// Defaults only: the team keeps, moves or drops each milestone (DOMAIN §4, "art, not formula").
import { RELATIONSHIP_STEPS, type RelationshipStep } from './health.js';

export type TemplateOptions = {
  accountId: string;
  accountName: string;
  /** First day of the plan (YYYY-MM-DD). */
  periodStart: string;
  /** Length of the plan in months (12 by default). */
  months?: number;
  /** Left out to let the platform apply the field's default (from the settings record). */
  reviewCadenceDays?: number;
  /** The account owner: account lead and owner of the milestones. */
  ownerId?: string;
};

export type TemplateMilestone = { Name: string; Relationship_Step__c: RelationshipStep; Due_Date__c: string; Status__c: 'Not Started'; Owner__c?: string };
export type TemplateObjective = { Name: string; Type__c: string; Description__c: string; Customer_Agreed__c: false };
export type PlanDraft = { plan: Record<string, unknown>; milestones: TemplateMilestone[]; objectives: TemplateObjective[] };

const MILESTONES: Record<RelationshipStep, string> = {
  'Acknowledged Relationship': 'Customer confirms the elevated relationship',
  'Mutual Benefits': 'Agree the shared value with the customer',
  'Objectives Agreed': "Agree the customer's short-term and strategic objectives",
  'Resources Committed': 'Commit our people to the agreed objectives',
  'Joint Planning': 'Hold the joint planning session',
  'C-Level Engagement': 'Executive sponsors meet on both sides',
  'Routine Review': 'First review of the plan with the customer',
  Continuity: 'Name and introduce a backup account lead'
};

const OBJECTIVES: Array<[string, string]> = [
  ['Customer Short-Term', "The customer's most pressing business objective for this period"],
  ['Customer Strategic', "The customer's strategic objective our offer supports"],
  ['Revenue Growth', 'Our revenue goal with this customer for the period']
];

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * Text cut to fit a field of `max` characters (the platform counts UTF-16 code units) without
 * splitting a character: never half an emoji, a letter from its accent, or a flag.
 */
export function fitText(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out.trimEnd();
}

export function planTemplate(options: TemplateOptions): PlanDraft {
  const months = options.months ?? 12;
  const end = new Date(Date.parse(`${addMonths(options.periodStart, months)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const span = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${options.periodStart}T00:00:00Z`)) / 86_400_000;
  const year = options.periodStart.slice(0, 4);
  return {
    plan: {
      Name: fitText(`${options.accountName} — Account Plan ${year}`, 80),
      Account__c: options.accountId,
      Status__c: 'Draft',
      Relationship_Stage__c: 'Vendor',
      Period_Start__c: options.periodStart,
      Period_End__c: end,
      ...(options.reviewCadenceDays === undefined ? {} : { Review_Cadence_Days__c: options.reviewCadenceDays }),
      ...(options.ownerId ? { Account_Lead__c: options.ownerId } : {})
    },
    // The steps build on each other, so they are spread evenly over the first 90% of the period.
    milestones: RELATIONSHIP_STEPS.map((step, i) => ({
      Name: MILESTONES[step],
      Relationship_Step__c: step,
      Due_Date__c: new Date(Date.parse(`${options.periodStart}T00:00:00Z`) + Math.round((span * 0.9 * (i + 1)) / RELATIONSHIP_STEPS.length) * 86_400_000).toISOString().slice(0, 10),
      Status__c: 'Not Started',
      ...(options.ownerId ? { Owner__c: options.ownerId } : {})
    })),
    objectives: OBJECTIVES.map(([type, description]) => ({ Name: fitText(description, 80), Type__c: type, Description__c: description, Customer_Agreed__c: false }))
  };
}
