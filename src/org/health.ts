// Plan health for plans read from an org: the same planHealth() as the UI, from the plans'
// children; the org's own formula fields are compared when it returns them.
import { healthInputFrom, healthSettingsFrom, planHealth, type PlanHealth } from '../domain/health.js';
import type { PlanRecord } from './plans.js';
import type { OrgSettings } from './settings.js';

export type PlanHealthRow = {
  planId: string;
  plan: string;
  account: string;
  owner: string;
  stage: string | null;
  health: PlanHealth;
  daysLate: number;
  lastReview: string | null;
  /** The org's Health_Score__c when it differs from the model's score. */
  orgScore?: number | null;
  /** A Draft plan, scored as if it were activated (with --include-draft). */
  draft?: boolean;
};

export function evaluatePlans(plans: PlanRecord[], settings: OrgSettings, today: string): PlanHealthRow[] {
  const healthSettings = healthSettingsFrom(settings);
  return plans.map((plan) => {
    const input = healthInputFrom(plan, plan);
    const health = planHealth(input, healthSettings, today);
    const late = input.rollups.earliestOpenDue ? Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${input.rollups.earliestOpenDue}T00:00:00Z`)) / 86_400_000)) : 0;
    const orgScore = plan.Health_Score__c === undefined ? undefined : (plan.Health_Score__c as number | null);
    return {
      planId: plan.Id,
      plan: plan.Name,
      account: plan.accountName,
      owner: plan.ownerName ?? '',
      stage: (plan.Relationship_Stage__c as string | null) ?? null,
      health,
      daysLate: late,
      lastReview: input.rollups.lastReviewDate,
      ...(orgScore !== undefined && orgScore !== health.score ? { orgScore } : {})
    };
  });
}

/** Worst first; unscored plans last. */
export function worstFirst(rows: PlanHealthRow[]): PlanHealthRow[] {
  return [...rows].sort((a, b) => (a.health.score ?? 101) - (b.health.score ?? 101) || a.account.localeCompare(b.account));
}
