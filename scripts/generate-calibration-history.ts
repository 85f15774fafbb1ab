// Writes a SEPARATE seed for `sf mam health calibrate`: 60 accounts, each with two yearly plans
// (the first Archived, the second Active), quarterly reviews that record the plan's health as the
// model computed it on the review day, and closed opportunities whose growth follows the plan's
// health with KNOWN true part weights (see data/history/INTENT.md). The sample data in data/ is
// not touched. Deterministic: the same date gives the same bytes.
//
//   npx tsx scripts/generate-calibration-history.ts --as-of 2026-11-24 --out data/history
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { planHealth, type HealthSettings } from '../src/domain/health.js';
import { addMonths, planInputAt, seededRandom, type HistoryPlan } from '../src/domain/calibration.js';

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;

/** The weights the outcomes are generated with: what calibration should find. */
export const TRUE_WEIGHTS = { execution: 40, cadence: 10, coverage: 25, alignment: 5, results: 20 };
/** The package's Default settings: what the reviews record (force-app/main/default/customMetadata). */
export const RECORDED_SETTINGS: HealthSettings = { weights: { execution: 30, cadence: 20, coverage: 20, alignment: 15, results: 15 }, onTrackThreshold: 70, atRiskThreshold: 50, defaultReviewCadenceDays: 90 };
export const ACCOUNTS = 60;
/** Quarterly growth of closed-won revenue: exp(GROWTH × (true score − CENTRE) / 50 + noise). */
const GROWTH = 0.6;
const CENTRE = 55;
const NOISE = 0.1;

const FIRST = ['Aurora', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Keystone', 'Lumen'];
const SECOND = ['Freight', 'Foods', 'Health', 'Mining', 'Telecom'];

export function generateHistory(asOf: string): Map<string, unknown> {
  const random = seededRandom(20261124);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
  const day = (from: string, offset: number): string => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const record = (type: string, referenceId: string, fields: Record<string, unknown>): TreeRecord => ({ attributes: { type, referenceId }, ...fields });
  const start = addMonths(asOf, -24);
  const out = { Account: [] as TreeRecord[], Opportunity: [] as TreeRecord[], Account_Plan__c: [] as TreeRecord[], Plan_Objective__c: [] as TreeRecord[], Plan_Milestone__c: [] as TreeRecord[], Account_Team_Role__c: [] as TreeRecord[], Plan_Review__c: [] as TreeRecord[] };

  for (let a = 0; a < ACCOUNTS; a += 1) {
    const name = `${FIRST[a % FIRST.length]} ${SECOND[Math.floor(a / FIRST.length) % SECOND.length]}`;
    const accountRef = `HAccount${a + 1}`;
    out.Account.push(record('Account', accountRef, { Name: name, Industry: 'Other', Type: 'Customer' }));
    // Account traits: how well its team executes, reviews, covers, aligns and delivers.
    const trait = { execution: random(), cadence: random(), coverage: random(), alignment: random(), results: random() };
    const lateness = Math.round(5 + 35 * (1 - trait.cadence));
    const reviewDays: string[] = [];
    const trueScores: number[] = [];
    const firstStage = random() < 0.6 ? 0 : 1;
    for (let p = 0; p < 2; p += 1) {
      const planRef = `HPlan${a + 1}_${p + 1}`;
      const periodStart = addMonths(start, 12 * p);
      const periodEnd = day(addMonths(start, 12 * (p + 1)), -1);
      const skill = (t: number): number => clamp(t + 0.15 * normal(), 0, 1);
      const e = skill(trait.execution);
      const c = skill(trait.coverage);
      const al = skill(trait.alignment);
      const r = skill(trait.results);
      const acknowledged = random() < 0.3 + 0.7 * al;
      const stage = p === 0 ? firstStage : firstStage + (trueScores.slice(0, 4).reduce((s, v) => s + v, 0) / 4 + 5 * normal() > 62 ? 1 : 0);
      const plan = record('Account_Plan__c', planRef, {
        Name: `${name} — Account Plan ${periodStart.slice(0, 4)}`,
        Account__c: `@${accountRef}`,
        Status__c: p === 0 ? 'Archived' : 'Active',
        Relationship_Stage__c: ['Vendor', 'Preferred Supplier', 'Strategic Partner', 'Alliance'][stage],
        Period_Start__c: periodStart,
        Period_End__c: periodEnd,
        Review_Cadence_Days__c: 90,
        ...(random() < 0.3 + 0.7 * al ? { Shared_Value__c: `Grow ${name}'s business together` } : {}),
        Customer_Acknowledged__c: acknowledged,
        ...(acknowledged ? { Customer_Acknowledged_On__c: day(periodStart, 10) } : {})
      });
      out.Account_Plan__c.push(plan);
      const objectives = [0, 1, 2].map((i) => {
        const target = 100_000 * (1 + i);
        return record('Plan_Objective__c', `${planRef}O${i + 1}`, {
          Name: ['Grow revenue', 'Lower cost to serve', 'Customer success'][i],
          Plan__c: `@${planRef}`,
          Type__c: ['Revenue Growth', 'Cost Reduction', 'Customer Success'][i],
          Measure__c: 'Units',
          Target__c: target,
          Actual__c: Math.round(target * clamp(0.15 + 0.95 * r + 0.1 * normal(), 0, 1.2)),
          Customer_Agreed__c: random() < 0.2 + 0.8 * al,
          Due_Date__c: periodEnd
        });
      });
      out.Plan_Objective__c.push(...objectives);
      const milestones = [...Array(8).keys()].map((i) => {
        const due = day(periodStart, 45 * (i + 1));
        const delay = Math.round((1 - e) * 70 - 15 + 15 * normal());
        const completed = random() < 0.15 + 0.85 * e ? day(due, delay) : null;
        const done = completed !== null && completed <= asOf;
        return record('Plan_Milestone__c', `${planRef}M${i + 1}`, {
          Name: `Milestone ${i + 1}`,
          Plan__c: `@${planRef}`,
          Due_Date__c: due,
          Status__c: done ? 'Done' : 'In Progress',
          ...(done ? { Completed_On__c: completed } : {})
        });
      });
      out.Plan_Milestone__c.push(...milestones);
      const roles: Array<[string, string, boolean]> = [['Seller', 'Executive Sponsor', true], ['Customer', 'Executive Sponsor', true], ['Customer', 'Decision Maker', false], ['Customer', 'Champion', false]];
      const teamRoles = roles.filter(() => random() < 0.1 + 0.9 * c).map(([side, role, cLevel], i) => record('Account_Team_Role__c', `${planRef}T${i + 1}`, { Plan__c: `@${planRef}`, Side__c: side, Role__c: role, C_Level__c: cLevel }));
      out.Account_Team_Role__c.push(...teamRoles);
      // Quarterly reviews, late by up to `lateness` days; each records the health of that day.
      const reviews: TreeRecord[] = [];
      for (let q = 0; q < 4; q += 1) {
        const nominal = day(start, 30 + 91 * (4 * p + q));
        const date = day(nominal, Math.floor(random() * (lateness + 1)));
        const history: HistoryPlan = { ...plan, Id: planRef, Account__c: accountRef, accountName: name, milestones, teamRoles, reviews, objectives };
        const health = planHealth(planInputAt(history, date), RECORDED_SETTINGS, date);
        const parts = Object.fromEntries(health.components.map((k) => [k.key, k.score ?? 0])) as Record<keyof typeof TRUE_WEIGHTS, number>;
        trueScores.push((Object.keys(TRUE_WEIGHTS) as Array<keyof typeof TRUE_WEIGHTS>).reduce((s, k) => s + (TRUE_WEIGHTS[k] * parts[k]) / 100, 0));
        reviewDays.push(nominal);
        reviews.push(record('Plan_Review__c', `${planRef}R${q + 1}`, { Plan__c: `@${planRef}`, Review_Date__c: date, Type__c: q % 2 === 0 ? 'Joint with Customer' : 'Internal', Customer_Attended__c: q % 2 === 0, Health_At_Review__c: health.score, Next_Review_Date__c: day(date, 90) }));
      }
      out.Plan_Review__c.push(...reviews);
    }
    // Closed deals by quarter: the quarter after each review grows (or shrinks) with that review's true score.
    let revenue = Math.round(60_000 + 400_000 * random());
    let n = 0;
    const deals = (quarterStart: string, amount: number, score: number): void => {
      const won = 1 + Math.floor(random() * 3);
      for (let i = 0; i < won; i += 1) out.Opportunity.push(record('Opportunity', `HOpp${a + 1}_${(n += 1)}`, { Name: `${name} — Deal ${n}`, AccountId: `@${accountRef}`, StageName: 'Closed Won', CloseDate: day(quarterStart, 42 + Math.floor(random() * 44)), Amount: Math.round(amount / won / 100) * 100 }));
      const lostChance = clamp(0.9 - score / 100, 0.05, 0.9);
      for (let i = 0; i < 3; i += 1) if (random() < lostChance) out.Opportunity.push(record('Opportunity', `HOpp${a + 1}_${(n += 1)}`, { Name: `${name} — Bid ${n}`, AccountId: `@${accountRef}`, StageName: 'Closed Lost', CloseDate: day(quarterStart, 42 + Math.floor(random() * 44)), Amount: Math.round(amount / 2 / 100) * 100 }));
    };
    for (const q of [-2, -1]) deals(day(start, 30 + 91 * q), revenue, CENTRE);
    reviewDays.forEach((nominal, q) => {
      revenue = Math.round(revenue * Math.exp((GROWTH * (trueScores[q] - CENTRE)) / 50 + NOISE * normal()));
      if (day(nominal, 85) <= asOf) deals(nominal, revenue, trueScores[q]);
    });
  }

  const files = new Map<string, unknown>();
  const plan: Array<{ sobject: string; saveRefs: boolean; resolveRefs: boolean; files: string[] }> = [];
  for (const [sobject, records] of Object.entries(out)) {
    files.set(`${sobject}.json`, { records });
    plan.push({ sobject, saveRefs: ['Account', 'Account_Plan__c'].includes(sobject), resolveRefs: sobject !== 'Account', files: [`${sobject}.json`] });
  }
  files.set('history-plan.json', plan);
  return files;
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const asOf = arg('as-of') ?? '2026-11-24';
  const dir = arg('out') ?? 'data/history';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD; you gave ${asOf}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of generateHistory(asOf)) writeFileSync(join(dir, name), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`Wrote the calibration history for ${asOf} to ${dir}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
