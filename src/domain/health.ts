// Plan health and relationship readiness: one model, run here (UI, CLI) and as formula fields on
// the platform (reports). test/health proves both give the same answers. Pure: no I/O.
//
// Every number below mirrors a formula in force-app/main/default/objects/Account_Plan__c/fields
// (Health_*__c, Readiness_Count__c, Suggested_Stage__c, Health_Reasons__c); change both together.

export type HealthSettings = {
  weights: { execution: number; cadence: number; coverage: number; alignment: number; results: number };
  onTrackThreshold: number;
  atRiskThreshold: number;
  defaultReviewCadenceDays: number;
};

/** What the plan's roll-up summary fields hold (the platform counts them from the children). */
export type PlanRollups = {
  milestonesTotal: number;
  milestonesDone: number;
  earliestOpenDue: string | null;
  lastReviewDate: string | null;
  sellerExecutives: number;
  customerExecutives: number;
  decisionMakers: number;
  champions: number;
  committedResources: number;
  objectivesTotal: number;
  objectivesAgreed: number;
  measurableObjectives: number;
  attainmentTotal: number;
};

export type PlanHealthInput = {
  status: string | null;
  stage: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  reviewCadenceDays: number | null;
  sharedValue: string | null;
  customerAcknowledged: boolean;
  jointPlanningDate: string | null;
  hasAccountLead: boolean;
  hasBackupLead: boolean;
  rollups: PlanRollups;
};

export type HealthStatus = 'On Track' | 'At Risk' | 'Off Track';
export type ComponentKey = 'execution' | 'cadence' | 'coverage' | 'alignment' | 'results';

/** A reason, structured so a UI can put it in its own words; `text` is the report wording. */
export type HealthReason = { code: string; text: string; value?: number };

export type HealthComponent = { key: ComponentKey; score: number | null; weight: number; reasons: HealthReason[] };

export const RELATIONSHIP_STEPS = [
  'Acknowledged Relationship',
  'Mutual Benefits',
  'Objectives Agreed',
  'Resources Committed',
  'Joint Planning',
  'C-Level Engagement',
  'Routine Review',
  'Continuity'
] as const;
export type RelationshipStep = (typeof RELATIONSHIP_STEPS)[number];
export type ReadinessStep = { step: RelationshipStep; met: boolean; evidence: string };

export const RELATIONSHIP_STAGES = ['Vendor', 'Preferred Supplier', 'Strategic Partner', 'Alliance'] as const;

export type PlanHealth = {
  /** False for Draft and Archived plans: they show no score or status. */
  scored: boolean;
  score: number | null;
  status: HealthStatus | null;
  components: HealthComponent[];
  reasons: HealthReason[];
  /** The same text as the Health_Reasons__c formula. */
  reasonText: string;
  readiness: ReadinessStep[];
  readinessCount: number;
  suggestedStage: string | null;
};

const DAY = 86_400_000;
/**
 * What a part scores when it has nothing to judge yet (no milestone due or done before the period
 * starts; no review yet): half marks, never full marks. Mirrored in the formulas.
 */
export const UNPROVEN_SCORE = 50;
/** Whole days from a to b (YYYY-MM-DD), as formulas subtract dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

function execution(p: PlanHealthInput, today: string): HealthComponent['score'] {
  const r = p.rollups;
  if (r.milestonesTotal === 0) return 0;
  const start = p.periodStart;
  const end = p.periodEnd;
  let base: number;
  if (!start || !end || end <= start) base = (100 * r.milestonesDone) / r.milestonesTotal;
  // Before the period starts only work already done proves anything.
  else if (today <= start) base = r.milestonesDone > 0 ? 100 : UNPROVEN_SCORE;
  else base = Math.min(100, (100 * r.milestonesDone) / r.milestonesTotal / Math.min(1, daysBetween(start, today) / Math.max(1, daysBetween(start, end))));
  const penalty = Math.min(50, Math.max(0, r.earliestOpenDue ? daysBetween(r.earliestOpenDue, today) : 0) / 2);
  return Math.max(0, Math.round(base - penalty));
}

export function effectiveCadence(p: PlanHealthInput, settings: HealthSettings): number {
  return p.reviewCadenceDays ?? settings.defaultReviewCadenceDays;
}

function cadence(p: PlanHealthInput, settings: HealthSettings, today: string): number {
  const from = p.rollups.lastReviewDate ?? p.periodStart;
  if (!from) return 0;
  const days = effectiveCadence(p, settings);
  // Counted from the period start until the first review, but never more than half marks.
  return Math.max(0, Math.min(p.rollups.lastReviewDate ? 100 : UNPROVEN_SCORE, Math.round(100 - (100 * Math.max(0, daysBetween(from, today) - days)) / Math.max(1, days))));
}

function coverage(p: PlanHealthInput): number {
  const r = p.rollups;
  return (r.sellerExecutives > 0 ? 15 : 0) + (r.customerExecutives > 0 ? 20 : 0) + (p.hasAccountLead ? 15 : 0) + (p.hasBackupLead ? 15 : 0) + (r.decisionMakers > 0 ? 20 : 0) + (r.champions > 0 ? 15 : 0);
}

function alignment(p: PlanHealthInput): number {
  const r = p.rollups;
  return Math.round((r.objectivesTotal === 0 ? 0 : (50 * r.objectivesAgreed) / r.objectivesTotal) + (p.sharedValue ? 25 : 0) + (p.customerAcknowledged ? 25 : 0));
}

function results(p: PlanHealthInput): number | null {
  const r = p.rollups;
  return r.measurableObjectives === 0 ? null : Math.round(Math.min(100, r.attainmentTotal / Math.max(1, r.measurableObjectives)));
}

function readinessSteps(p: PlanHealthInput, settings: HealthSettings, today: string): ReadinessStep[] {
  const r = p.rollups;
  const sinceReview = r.lastReviewDate ? daysBetween(r.lastReviewDate, today) : null;
  const cadenceDays = effectiveCadence(p, settings);
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  const checks: Array<[boolean, string]> = [
    [p.customerAcknowledged, p.customerAcknowledged ? 'The customer acknowledged the relationship' : 'Not acknowledged by the customer yet'],
    [Boolean(p.sharedValue), p.sharedValue ? `Shared value: ${p.sharedValue}` : 'No shared value statement'],
    [r.objectivesTotal > 0 && r.objectivesAgreed === r.objectivesTotal, r.objectivesTotal === 0 ? 'No objectives yet' : `${r.objectivesAgreed} of ${n(r.objectivesTotal, 'objective', 'objectives')} agreed with the customer`],
    [r.committedResources > 0, r.committedResources === 0 ? 'Nobody of ours is committed to the plan yet' : `${n(r.committedResources, 'person', 'people')} of ours committed to the plan`],
    [Boolean(p.jointPlanningDate) && (p.jointPlanningDate ?? '') <= today, p.jointPlanningDate ? `Joint planning on ${p.jointPlanningDate}` : 'No joint planning yet'],
    [r.sellerExecutives > 0 && r.customerExecutives > 0, `${n(r.sellerExecutives, 'executive', 'executives')} of ours, ${r.customerExecutives} of the customer's`],
    [sinceReview !== null && sinceReview <= cadenceDays, sinceReview === null ? 'No review yet' : `Last review ${days(sinceReview)} ago (cadence ${days(cadenceDays)})`],
    [p.hasBackupLead, p.hasBackupLead ? 'A backup account lead is named' : 'No backup account lead']
  ];
  return checks.map(([met, evidence], i) => ({ step: RELATIONSHIP_STEPS[i], met, evidence }));
}

function suggestStage(stage: string | null, steps: ReadinessStep[]): string | null {
  const upTo = (n: number): boolean => steps.slice(0, n).every((s) => s.met);
  switch (stage) {
    case 'Alliance':
      return null;
    case 'Strategic Partner':
      return upTo(8) ? 'Alliance' : null;
    case 'Preferred Supplier':
      return upTo(6) ? 'Strategic Partner' : null;
    default:
      return upTo(3) ? 'Preferred Supplier' : null;
  }
}

// Report wording, one plain sentence per reason. Health_Reasons__c builds the same sentences.
const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

function reasonsOf(p: PlanHealthInput, settings: HealthSettings, today: string): Record<ComponentKey, HealthReason[]> {
  const r = p.rollups;
  const late = r.earliestOpenDue ? daysBetween(r.earliestOpenDue, today) : 0;
  const sinceReview = r.lastReviewDate ? daysBetween(r.lastReviewDate, today) : null;
  const notAgreed = r.objectivesTotal - r.objectivesAgreed;
  const out: Record<ComponentKey, HealthReason[]> = { execution: [], cadence: [], coverage: [], alignment: [], results: [] };
  if (r.milestonesTotal === 0) out.execution.push({ code: 'noMilestones', text: 'The plan has no milestones.' });
  else if (r.milestonesDone === 0) out.execution.push({ code: 'noMilestoneDone', text: 'No milestone is done yet.' });
  if (late > 0) out.execution.push({ code: 'milestoneLate', value: late, text: `The oldest open milestone is ${days(late)} late.` });
  if (sinceReview === null) out.cadence.push({ code: 'noReview', text: 'The plan has not been reviewed yet.' });
  else if (sinceReview > effectiveCadence(p, settings)) out.cadence.push({ code: 'reviewOverdue', value: sinceReview, text: `There has been no review for ${days(sinceReview)}.` });
  if (r.sellerExecutives === 0) out.coverage.push({ code: 'noSellerExecutive', text: 'No executive of ours is on the team.' });
  if (r.customerExecutives === 0) out.coverage.push({ code: 'noCustomerExecutive', text: 'No customer executive is on the team.' });
  if (r.decisionMakers === 0) out.coverage.push({ code: 'noDecisionMaker', text: 'No decision maker is named.' });
  if (r.champions === 0) out.coverage.push({ code: 'noChampion', text: 'No champion is named.' });
  if (!p.hasBackupLead) out.coverage.push({ code: 'noBackupLead', text: 'No backup account lead is named.' });
  if (r.objectivesTotal === 0) out.alignment.push({ code: 'noObjectives', text: 'The plan has no objectives.' });
  else if (notAgreed > 0) out.alignment.push({ code: 'objectivesNotAgreed', value: notAgreed, text: `${notAgreed} ${notAgreed === 1 ? 'objective is' : 'objectives are'} not agreed with the customer.` });
  if (!p.sharedValue) out.alignment.push({ code: 'noSharedValue', text: 'No shared value is written down.' });
  if (!p.customerAcknowledged) out.alignment.push({ code: 'notAcknowledged', text: 'The customer has not acknowledged the relationship.' });
  if (r.measurableObjectives === 0) out.results.push({ code: 'noTargets', text: 'No objective has a target, so results are not scored.' });
  return out;
}

/**
 * On Track at or above the on-track threshold, At Risk at or above the at-risk one, else Off Track.
 * A plan with no evidence yet — no milestone done and no review — is at best At Risk, whatever
 * its score: nothing has shown that it is on track.
 */
export function healthStatusFor(score: number | null, settings: Pick<HealthSettings, 'onTrackThreshold' | 'atRiskThreshold'>, proven = true): HealthStatus | null {
  if (score === null) return null;
  if (score >= settings.onTrackThreshold) return proven ? 'On Track' : 'At Risk';
  return score >= settings.atRiskThreshold ? 'At Risk' : 'Off Track';
}

/** Whether anything in the plan has happened yet: a milestone done or a review held. */
export function planIsProven(rollups: Pick<PlanRollups, 'milestonesDone' | 'lastReviewDate'>): boolean {
  return rollups.milestonesDone > 0 || rollups.lastReviewDate !== null;
}

export function planHealth(plan: PlanHealthInput, settings: HealthSettings, today: string): PlanHealth {
  const w = settings.weights;
  const scores: Record<ComponentKey, number | null> = {
    execution: execution(plan, today),
    cadence: cadence(plan, settings, today),
    coverage: coverage(plan),
    alignment: alignment(plan),
    results: results(plan)
  };
  const reasons = reasonsOf(plan, settings, today);
  const components: HealthComponent[] = (Object.keys(scores) as ComponentKey[]).map((key) => ({ key, score: scores[key], weight: w[key], reasons: reasons[key] }));
  const scored = plan.status === 'Active';
  let score: number | null = null;
  if (scored) {
    const weighted = w.execution * (scores.execution ?? 0) + w.cadence * (scores.cadence ?? 0) + w.coverage * (scores.coverage ?? 0) + w.alignment * (scores.alignment ?? 0) + (scores.results === null ? 0 : w.results * scores.results);
    score = Math.round(weighted / Math.max(1, w.execution + w.cadence + w.coverage + w.alignment + (scores.results === null ? 0 : w.results)));
  }
  const status = healthStatusFor(score, settings, planIsProven(plan.rollups));
  const readiness = readinessSteps(plan, settings, today);
  // Report wording: the order of the Health_Reasons__c formula (results are explained, not listed).
  const ordered = [...reasons.execution, ...reasons.cadence, ...reasons.coverage, ...reasons.alignment];
  return {
    scored,
    score,
    status,
    components,
    reasons: ordered,
    reasonText: ordered.map((r) => r.text).join(' '),
    readiness,
    readinessCount: readiness.filter((s) => s.met).length,
    suggestedStage: suggestStage(plan.stage, readiness)
  };
}

/** The settings record's fields, as the platform names them, → the model's settings. */
export function healthSettingsFrom(record: Record<string, unknown>): HealthSettings {
  const n = (name: string): number => Number(record[name]);
  return {
    weights: { execution: n('Weight_Execution__c'), cadence: n('Weight_Cadence__c'), coverage: n('Weight_Coverage__c'), alignment: n('Weight_Alignment__c'), results: n('Weight_Results__c') },
    onTrackThreshold: n('On_Track_Threshold__c'),
    atRiskThreshold: n('At_Risk_Threshold__c'),
    defaultReviewCadenceDays: n('Default_Review_Cadence_Days__c')
  };
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === null || v === undefined || v === '' ? 0 : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * The roll-ups the platform keeps on the plan, counted from child records (for the CLI and UI,
 * which read the children). Same filters as the Summary fields.
 */
export function rollupsFromChildren(children: { milestones: Row[]; teamRoles: Row[]; reviews: Row[]; objectives: Row[] }): PlanRollups {
  const open = children.milestones.filter((m) => m.Status__c !== 'Done' && m.Status__c !== 'Cancelled');
  const dates = (rows: Row[], field: string): string[] => rows.map((r) => str(r[field])).filter((d): d is string => d !== null).sort();
  const roles = (side: string, test: (r: Row) => boolean): number => children.teamRoles.filter((r) => r.Side__c === side && test(r)).length;
  const measurable = children.objectives.filter((o) => num(o.Target__c) > 0);
  return {
    milestonesTotal: children.milestones.filter((m) => m.Status__c !== 'Cancelled').length,
    milestonesDone: children.milestones.filter((m) => m.Status__c === 'Done').length,
    earliestOpenDue: dates(open, 'Due_Date__c')[0] ?? null,
    lastReviewDate: dates(children.reviews, 'Review_Date__c').at(-1) ?? null,
    sellerExecutives: roles('Seller', (r) => r.C_Level__c === true),
    customerExecutives: roles('Customer', (r) => r.C_Level__c === true),
    decisionMakers: roles('Customer', (r) => r.Role__c === 'Decision Maker' || r.Role__c === 'Economic Buyer'),
    champions: roles('Customer', (r) => r.Role__c === 'Champion'),
    committedResources: roles('Seller', (r) => r.Committed__c === true),
    objectivesTotal: children.objectives.length,
    objectivesAgreed: children.objectives.filter((o) => o.Customer_Agreed__c === true).length,
    measurableObjectives: measurable.length,
    attainmentTotal: measurable.reduce((sum, o) => sum + Math.max(0, Math.min(100, (100 * num(o.Actual__c)) / num(o.Target__c))), 0)
  };
}

/** A plan record (fields as the platform names them) with its roll-ups → the model's input. */
function planInput(plan: Row, rollups: PlanRollups): PlanHealthInput {
  return {
    status: str(plan.Status__c),
    stage: str(plan.Relationship_Stage__c),
    periodStart: str(plan.Period_Start__c),
    periodEnd: str(plan.Period_End__c),
    reviewCadenceDays: str(plan.Review_Cadence_Days__c) === null ? null : Number(plan.Review_Cadence_Days__c),
    sharedValue: str(plan.Shared_Value__c),
    customerAcknowledged: plan.Customer_Acknowledged__c === true,
    jointPlanningDate: str(plan.Joint_Planning_Date__c),
    hasAccountLead: Boolean(str(plan.Account_Lead__c)),
    hasBackupLead: Boolean(str(plan.Backup_Account_Lead__c)),
    rollups
  };
}

/** A plan record and its child records → the model's input (the CLI reads the children). */
export function healthInputFrom(plan: Row, children: { milestones: Row[]; teamRoles: Row[]; reviews: Row[]; objectives: Row[] }): PlanHealthInput {
  return planInput(plan, rollupsFromChildren(children));
}

/** The plan's roll-up summary fields (as the platform returns them) → the model's roll-ups. */
export function rollupsFromFields(fields: Row): PlanRollups {
  return {
    milestonesTotal: num(fields.Milestones_Total__c),
    milestonesDone: num(fields.Milestones_Done__c),
    earliestOpenDue: str(fields.Earliest_Open_Due__c),
    lastReviewDate: str(fields.Last_Review_Date__c),
    sellerExecutives: num(fields.Seller_Executives__c),
    customerExecutives: num(fields.Customer_Executives__c),
    decisionMakers: num(fields.Decision_Makers__c),
    champions: num(fields.Champions__c),
    committedResources: num(fields.Committed_Resources__c),
    objectivesTotal: num(fields.Objectives_Total__c),
    objectivesAgreed: num(fields.Objectives_Agreed__c),
    measurableObjectives: num(fields.Measurable_Objectives__c),
    attainmentTotal: num(fields.Attainment_Total__c)
  };
}

/** Health_Reasons__c (sentences separated by a space) → one reason per sentence. */
export function reasonSentences(text: string | null | undefined): string[] {
  return (text ?? '').split(/(?<=\.)\s+/).map((t) => t.trim()).filter(Boolean);
}

export type HealthView = {
  score: number | null;
  status: HealthStatus | null;
  parts: Array<{ key: ComponentKey; score: number | null }>;
  reasons: string[];
  readiness: ReadinessStep[];
  readinessCount: number;
  suggestedStage: string | null;
  lastReviewDate: string | null;
};

/**
 * What the record page shows for a plan read with its health fields: the numbers are the
 * platform's formula fields (equal to planHealth by test/health), the readiness checklist with
 * its evidence comes from the same model. The plan's own review cadence is used; a plan whose
 * cadence was cleared shows the cadence step as not met until one is set.
 */
export function healthView(fields: Row, today: string): HealthView {
  const input = planInput(fields, rollupsFromFields(fields));
  const readiness = readinessSteps(input, { weights: { execution: 0, cadence: 0, coverage: 0, alignment: 0, results: 0 }, onTrackThreshold: 0, atRiskThreshold: 0, defaultReviewCadenceDays: 0 }, today);
  const score = fields.Health_Score__c === null || fields.Health_Score__c === undefined ? null : Number(fields.Health_Score__c);
  const part = (name: string): number | null => (fields[name] === null || fields[name] === undefined ? null : Number(fields[name]));
  return {
    score,
    status: (str(fields.Health_Status__c) as HealthStatus | null) ?? null,
    parts: [
      { key: 'execution', score: part('Health_Execution__c') },
      { key: 'cadence', score: part('Health_Cadence__c') },
      { key: 'coverage', score: part('Health_Coverage__c') },
      { key: 'alignment', score: part('Health_Alignment__c') },
      { key: 'results', score: part('Health_Results__c') }
    ],
    reasons: reasonSentences(str(fields.Health_Reasons__c)),
    readiness,
    readinessCount: fields.Readiness_Count__c === null || fields.Readiness_Count__c === undefined ? readiness.filter((r) => r.met).length : Number(fields.Readiness_Count__c),
    suggestedStage: str(fields.Suggested_Stage__c),
    lastReviewDate: input.rollups.lastReviewDate
  };
}
