// Writes the sample data as an `sf data import tree` plan: about 30 accounts with contacts and
// a long tail of closed-won revenue, and three accounts with full account plans that are On
// Track, At Risk and Off Track on the --as-of date (see data/INTENT.md). Deterministic: the same
// date gives the same bytes.
//
//   npx tsx scripts/generate-sample-data.ts --as-of 2026-11-24 --out data
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;
type Step = { sobject: string; saveRefs: boolean; resolveRefs: boolean; files: string[] };

function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const COMPANIES: Array<[string, string, string]> = [
  ['Northwind Logistics', 'Transportation', 'United Kingdom'],
  ['Contoso Pharma', 'Healthcare', 'Germany'],
  ['Adatum Retail Group', 'Retail', 'United States'],
  ['Fabrikam Energy', 'Energy', 'Norway'],
  ['Tailspin Airlines', 'Transportation', 'Ireland'],
  ['Litware Insurance', 'Insurance', 'United States'],
  ['Proseware Foods', 'Consumer Goods', 'France'],
  ['Wide World Importers', 'Wholesale', 'Netherlands'],
  ['Woodgrove Bank', 'Banking', 'United Kingdom'],
  ['Coho Vineyards', 'Agriculture', 'Spain'],
  ['Lucerne Publishing', 'Media', 'Switzerland'],
  ['Alpine Ski House', 'Hospitality', 'Austria'],
  ['Blue Yonder Analytics', 'Technology', 'United States'],
  ['City Power & Light', 'Utilities', 'Canada'],
  ['Consolidated Messenger', 'Logistics', 'United States'],
  ['Datum Manufacturing', 'Manufacturing', 'Italy'],
  ['Fourth Coffee', 'Consumer Goods', 'United States'],
  ['Graphic Design Institute', 'Education', 'Belgium'],
  ['Humongous Telecom', 'Telecommunications', 'Sweden'],
  ['Lamna Healthcare', 'Healthcare', 'Denmark'],
  ['Margie Travel', 'Travel', 'Portugal'],
  ['Nod Publishers', 'Media', 'United Kingdom'],
  ['Relecloud Systems', 'Technology', 'Finland'],
  ['Southridge Video', 'Media', 'United States'],
  ['Trey Research', 'Research', 'Germany'],
  ['VanArsdel Furniture', 'Manufacturing', 'Poland'],
  ['Wingtip Toys', 'Retail', 'United States'],
  ['Bellows College', 'Education', 'Canada'],
  ['Best For You Organics', 'Consumer Goods', 'Australia'],
  ['Munson Pickles', 'Consumer Goods', 'United States']
];

/** Strategic reasons: a marquee brand and a gateway to a new market with little revenue yet. */
const STRATEGIC: Record<string, string> = { 'Tailspin Airlines': 'Marquee Brand', 'Relecloud Systems': 'New Capability;New Vertical', 'Best For You Organics': 'New Geography' };

export function generateSampleData(asOf: string): Map<string, unknown> {
  const random = prng(20261124);
  const day = (offset: number): string => new Date(Date.parse(`${asOf}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const ref = (prefix: string, n: number | string): string => `${prefix}${n}`;
  const files = new Map<string, unknown>();
  const record = (type: string, referenceId: string, fields: Record<string, unknown>): TreeRecord => ({ attributes: { type, referenceId }, ...fields });

  const accounts = COMPANIES.map(([name, industry, country], i) =>
    record('Account', ref('Account', i + 1), {
      Name: name,
      Industry: industry,
      BillingCountry: country,
      Type: 'Customer',
      ...(STRATEGIC[name] ? { Strategic_Reasons__c: STRATEGIC[name] } : {})
    })
  );

  // Long-tail revenue: the account at rank r earns about 1 / r^1.35 of the largest.
  const opportunities: TreeRecord[] = [];
  let o = 0;
  COMPANIES.forEach(([name], i) => {
    const yearly = Math.round(2_600_000 / (i + 1) ** 1.35 / 1000) * 1000;
    const deals = 2 + Math.floor(random() * 4);
    for (let d = 0; d < deals; d += 1) {
      const recent = d < deals - 1;
      const offset = recent ? -Math.floor(random() * 330) - 5 : -400 - Math.floor(random() * 300);
      opportunities.push(record('Opportunity', ref('Opp', ++o), {
        Name: `${name} — ${['Renewal', 'Expansion', 'New Line', 'Services', 'Pilot', 'Upgrade'][d % 6]} ${day(offset).slice(0, 4)}`,
        AccountId: `@${ref('Account', i + 1)}`,
        StageName: 'Closed Won',
        CloseDate: day(offset),
        Amount: Math.max(5000, Math.round((yearly / (deals - 1)) * (0.6 + random() * 0.8) / 100) * 100)
      }));
    }
    if (random() < 0.6) {
      opportunities.push(record('Opportunity', ref('Opp', ++o), { Name: `${name} — Proposal`, AccountId: `@${ref('Account', i + 1)}`, StageName: 'Proposal/Price Quote', CloseDate: day(30 + Math.floor(random() * 90)), Amount: Math.round(yearly * 0.3 / 100) * 100 }));
    }
    if (random() < 0.4) {
      opportunities.push(record('Opportunity', ref('Opp', ++o), { Name: `${name} — Lost Bid`, AccountId: `@${ref('Account', i + 1)}`, StageName: 'Closed Lost', CloseDate: day(-Math.floor(random() * 300)), Amount: Math.round(yearly * 0.5 / 100) * 100 }));
    }
  });

  // Contacts: executives first (saved), then the people who report to them.
  const executives: TreeRecord[] = [];
  const staff: TreeRecord[] = [];
  const people: Record<string, Array<[string, string, string, string | null]>> = {
    // [first, last, title, reports to]
    Account1: [['Olivia', 'Hart', 'Chief Executive Officer', null], ['Marcus', 'Chen', 'Chief Operating Officer', 'Olivia Hart'], ['Priya', 'Nair', 'VP Procurement', 'Marcus Chen'], ['Tom', 'Baker', 'Head of Fleet Operations', 'Marcus Chen']],
    Account2: [['Lena', 'Vogel', 'Chief Financial Officer', null], ['Jonas', 'Richter', 'Head of Supply Chain', 'Lena Vogel'], ['Sofia', 'Braun', 'Procurement Manager', 'Jonas Richter']],
    Account4: [['Erik', 'Lund', 'VP Operations', null], ['Ingrid', 'Berg', 'Category Manager', 'Erik Lund']]
  };
  accounts.forEach((account, i) => {
    const key = account.attributes.referenceId;
    const list = people[key] ?? [['Sam', `Contact${i + 1}`, 'Purchasing Manager', null], ['Alex', `Buyer${i + 1}`, 'Buyer', `Sam Contact${i + 1}`]];
    for (const [first, last, title, boss] of list) {
      const fields = { FirstName: first, LastName: last, Title: title, AccountId: `@${key}`, Email: `${first}.${last}@example.com`.toLowerCase() };
      const referenceId = `Contact${first}${last}`.replace(/[^A-Za-z0-9]/g, '');
      if (boss === null || list.every(([f, l]) => `${f} ${l}` !== boss)) executives.push(record('Contact', referenceId, fields));
      else staff.push(record('Contact', referenceId, { ...fields, ReportsToId: `@Contact${boss.replace(/[^A-Za-z0-9]/g, '')}` }));
    }
  });
  // ReportsToId may only point to contacts saved by an earlier step; order the staff file so.
  const staffSecond = staff.filter((s) => staff.some((t) => `@${t.attributes.referenceId}` === s.ReportsToId));
  const staffFirst = staff.filter((s) => !staffSecond.includes(s));

  // Three plans, designed for three different health statuses on the as-of date.
  const plans = [
    record('Account_Plan__c', 'PlanNorthwind', {
      Name: 'Northwind Logistics — Account Plan FY27', Account__c: '@Account1', Status__c: 'Active', Relationship_Stage__c: 'Preferred Supplier',
      Period_Start__c: day(-146), Period_End__c: day(218), Review_Cadence_Days__c: 90,
      Shared_Value__c: 'Cut Northwind\'s cost per delivery by 8% while growing our share of their fleet services',
      Shared_Value_Detail__c: 'Northwind consolidates fleet maintenance suppliers; we provide predictive maintenance across their UK depots and share the savings.',
      Customer_Acknowledged__c: true, Customer_Acknowledged_On__c: day(-130), Joint_Planning_Date__c: day(-110), Revenue_Target__c: 3200000, Wallet_Share_Target__c: 35
    }),
    record('Account_Plan__c', 'PlanContoso', {
      Name: 'Contoso Pharma — Account Plan FY27', Account__c: '@Account2', Status__c: 'Active', Relationship_Stage__c: 'Vendor',
      Period_Start__c: day(-237), Period_End__c: day(127), Review_Cadence_Days__c: 90,
      Shared_Value__c: 'Secure Contoso\'s cold chain for the new vaccine line',
      Customer_Acknowledged__c: true, Customer_Acknowledged_On__c: day(-220), Joint_Planning_Date__c: day(-200), Revenue_Target__c: 1500000, Wallet_Share_Target__c: 20
    }),
    record('Account_Plan__c', 'PlanFabrikam', {
      Name: 'Fabrikam Energy — Account Plan 2026', Account__c: '@Account4', Status__c: 'Active', Relationship_Stage__c: 'Vendor',
      Period_Start__c: day(-327), Period_End__c: day(37), Review_Cadence_Days__c: 90, Revenue_Target__c: 900000
    })
  ];
  const objectives = [
    ['PlanNorthwind', 'ObjNW1', 'Revenue Growth', 'Grow fleet services revenue', 'Revenue (GBP)', 3200000, 1950000, true, 218],
    ['PlanNorthwind', 'ObjNW2', 'Cost Reduction', 'Cut cost per delivery', 'Cost per delivery reduction (%)', 8, 3.5, true, 218],
    ['PlanNorthwind', 'ObjNW3', 'Customer Strategic', 'Electrify 30% of the urban fleet', 'Share of urban fleet electric (%)', null, null, true, 400],
    ['PlanContoso', 'ObjCO1', 'Customer Short-Term', 'Validate cold-chain monitoring at two sites', 'Sites validated', 2, 1.4, true, 60],
    ['PlanContoso', 'ObjCO2', 'Revenue Growth', 'Win the vaccine line logistics contract', 'Contract signed', null, null, true, 127],
    ['PlanContoso', 'ObjCO3', 'Customer Success', 'Zero temperature excursions', 'Excursions per quarter', null, null, false, 127],
    ['PlanFabrikam', 'ObjFA1', 'Revenue Growth', 'Renew the offshore services contract', 'Revenue (NOK, thousands)', 900, 180, false, 37],
    ['PlanFabrikam', 'ObjFA2', 'Productivity', 'Reduce turbine downtime', 'Downtime hours saved', null, null, false, 37]
  ].map(([plan, id, type, description, measure, target, actual, agreed, due]) =>
    record('Plan_Objective__c', String(id), {
      Name: String(description).slice(0, 80), Plan__c: `@${plan}`, Type__c: type, Description__c: description, Measure__c: measure,
      ...(target === null ? {} : { Target__c: target }), ...(actual === null ? {} : { Actual__c: actual }), Customer_Agreed__c: agreed, Due_Date__c: day(Number(due))
    })
  );
  const STEPS = ['Acknowledged Relationship', 'Mutual Benefits', 'Objectives Agreed', 'Resources Committed', 'Joint Planning', 'C-Level Engagement', 'Routine Review', 'Continuity'];
  const milestoneTitles = ['Customer confirms the elevated relationship', 'Shared value statement signed off', 'Objectives agreed in the joint workshop', 'Delivery team committed to the objectives', 'Joint planning session', 'Executive sponsor meeting', 'Quarterly business review', 'Backup account lead introduced'];
  // [done?, due offset] per step, per plan.
  const schedules: Record<string, Array<[boolean, number]>> = {
    PlanNorthwind: [[true, -130], [true, -120], [true, -110], [true, -90], [true, -60], [false, 20], [false, 45], [false, 120]],
    PlanContoso: [[true, -220], [true, -210], [true, -150], [false, -40], [false, -10], [false, 30], [false, 60], [false, 100]],
    PlanFabrikam: [[true, -300], [false, -193], [false, -150], [false, -120], [false, -90], [false, -60], [false, -30], [false, 20]]
  };
  const milestones: TreeRecord[] = [];
  for (const [plan, schedule] of Object.entries(schedules)) {
    schedule.forEach(([done, due], i) => {
      milestones.push(record('Plan_Milestone__c', `${plan}M${i + 1}`, {
        Name: milestoneTitles[i], Plan__c: `@${plan}`, Relationship_Step__c: STEPS[i], Due_Date__c: day(due),
        Status__c: done ? 'Done' : due < 0 ? (i % 2 ? 'Blocked' : 'In Progress') : 'Not Started',
        ...(done ? { Completed_On__c: day(due - 2) } : {}),
        ...(i === 2 ? { Objective__c: `@${objectives.find((ob) => ob.Plan__c === `@${plan}`)?.attributes.referenceId}` } : {})
      }));
    });
  }
  const contact = (first: string, last: string): string => `@Contact${first}${last}`;
  const customerRoles = [
    ['PlanNorthwind', 'RoleNW1', contact('Olivia', 'Hart'), 'Executive Sponsor', true, 'High', 'Strong', null],
    ['PlanNorthwind', 'RoleNW2', contact('Marcus', 'Chen'), 'Decision Maker', true, 'High', 'Strong', 'RoleNW1'],
    ['PlanNorthwind', 'RoleNW3', contact('Priya', 'Nair'), 'Champion', false, 'Medium', 'Strong', 'RoleNW2'],
    ['PlanNorthwind', 'RoleNW4', contact('Tom', 'Baker'), 'User', false, 'Low', 'Neutral', 'RoleNW2'],
    ['PlanContoso', 'RoleCO1', contact('Lena', 'Vogel'), 'Economic Buyer', true, 'High', 'Neutral', null],
    ['PlanContoso', 'RoleCO2', contact('Jonas', 'Richter'), 'Champion', false, 'Medium', 'Strong', 'RoleCO1'],
    ['PlanContoso', 'RoleCO3', contact('Sofia', 'Braun'), 'Influencer', false, 'Low', 'Neutral', 'RoleCO2'],
    ['PlanFabrikam', 'RoleFA1', contact('Erik', 'Lund'), 'Decision Maker', false, 'High', 'Weak', null],
    ['PlanFabrikam', 'RoleFA2', contact('Ingrid', 'Berg'), 'Influencer', false, 'Medium', 'Neutral', 'RoleFA1']
  ].map(([plan, id, person, role, cLevel, influence, strength, reportsTo]) => ({ plan, id, person, role, cLevel, influence, strength, reportsTo }));
  const teamRole = (r: (typeof customerRoles)[number]): TreeRecord =>
    record('Account_Team_Role__c', String(r.id), {
      Plan__c: `@${r.plan}`, Side__c: 'Customer', Contact__c: r.person, Role__c: r.role, C_Level__c: r.cLevel, Influence__c: r.influence, Relationship_Strength__c: r.strength,
      ...(r.reportsTo ? { Reports_To__c: `@${r.reportsTo}` } : {})
    });
  const topRoles = customerRoles.filter((r) => !r.reportsTo).map(teamRole);
  const midRoles = customerRoles.filter((r) => r.reportsTo && customerRoles.some((t) => t.id === r.reportsTo && !t.reportsTo)).map(teamRole);
  const lowRoles = customerRoles.filter((r) => r.reportsTo && !customerRoles.some((t) => t.id === r.reportsTo && !t.reportsTo)).map(teamRole);
  // Our side: roles named before people are assigned (users cannot be imported); the setup
  // script and `sf mam plan create` put real users on them.
  const sellerRoles = [
    ['PlanNorthwind', 'Executive Sponsor', true, true], ['PlanNorthwind', 'Account Lead', false, true], ['PlanNorthwind', 'Delivery Lead', false, true],
    ['PlanContoso', 'Executive Sponsor', true, false], ['PlanContoso', 'Account Lead', false, true],
    ['PlanFabrikam', 'Account Lead', false, false]
  ].map(([plan, role, cLevel, committed], i) =>
    record('Account_Team_Role__c', `Seller${i + 1}`, { Plan__c: `@${plan}`, Side__c: 'Seller', Role__c: role, C_Level__c: cLevel, Committed__c: committed, Influence__c: 'High', Relationship_Strength__c: 'Strong' })
  );
  // Health at review: what the Plan Health card recorded that day (Contoso was still On Track).
  const reviews = [
    ['PlanNorthwind', -120, 'Joint with Customer', true, 'Kick-off with Olivia Hart: objectives and shared value agreed.', 74],
    ['PlanNorthwind', -35, 'Executive', true, 'Quarterly review: on pace; electrification pilot approved.', 85],
    ['PlanContoso', -146, 'Internal', false, 'Cold-chain validation slipping at the second site; escalate.', 71]
  ].map(([plan, offset, type, attended, decisions, health], i) =>
    record('Plan_Review__c', `Review${i + 1}`, { Plan__c: `@${plan}`, Review_Date__c: day(Number(offset)), Type__c: type, Customer_Attended__c: attended, Decisions__c: decisions, Health_At_Review__c: health, Next_Review_Date__c: day(Number(offset) + 90) })
  );
  const insights = [
    ['PlanNorthwind', 'Strength', 'Our telematics already run in 60% of their vans', null, 'High'],
    ['PlanNorthwind', 'Competitor', 'Incumbent maintenance provider bundles parts at a discount', 'FleetCare', 'Medium'],
    ['PlanNorthwind', 'Customer Challenge', 'Urban low-emission zones force fleet electrification by 2028', null, 'High'],
    ['PlanContoso', 'Threat', 'Regulator audit of cold-chain records in Q1', null, 'High'],
    ['PlanContoso', 'Decision Criterion', 'Validated temperature monitoring end to end', null, 'High'],
    ['PlanFabrikam', 'Weakness', 'No relationship above the operations level', null, 'High'],
    ['PlanFabrikam', 'Competitor', 'Local service firm offers on-site crews', 'Nordic Offshore Services', 'High']
  ].map(([plan, type, detail, competitor, impact], i) =>
    record('Plan_Insight__c', `Insight${i + 1}`, { Name: String(detail).slice(0, 80), Plan__c: `@${plan}`, Type__c: type, Detail__c: detail, ...(competitor ? { Competitor_Name__c: competitor } : {}), Impact__c: impact, Source__c: 'Account team', Insight_Date__c: day(-60 - i * 7) })
  );

  const plan: Step[] = [];
  const add = (file: string, sobject: string, records: TreeRecord[], saveRefs: boolean, resolveRefs: boolean): void => {
    if (records.length === 0) return;
    files.set(file, { records });
    plan.push({ sobject, saveRefs, resolveRefs, files: [file] });
  };
  add('Account.json', 'Account', accounts, true, false);
  add('Contact-executives.json', 'Contact', executives, true, true);
  add('Contact-staff.json', 'Contact', staffFirst, true, true);
  add('Contact-staff-2.json', 'Contact', staffSecond, true, true);
  add('Opportunity.json', 'Opportunity', opportunities, false, true);
  add('Account_Plan__c.json', 'Account_Plan__c', plans, true, true);
  add('Plan_Objective__c.json', 'Plan_Objective__c', objectives, true, true);
  add('Plan_Milestone__c.json', 'Plan_Milestone__c', milestones, false, true);
  add('Account_Team_Role__c-executives.json', 'Account_Team_Role__c', [...topRoles, ...sellerRoles], true, true);
  add('Account_Team_Role__c-reports.json', 'Account_Team_Role__c', midRoles, true, true);
  add('Account_Team_Role__c-reports-2.json', 'Account_Team_Role__c', lowRoles, true, true);
  add('Plan_Review__c.json', 'Plan_Review__c', reviews, false, true);
  add('Plan_Insight__c.json', 'Plan_Insight__c', insights, false, true);
  files.set('sample-data-plan.json', plan);
  return files;
}

export function writeSampleData(asOf: string, out: string): string[] {
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of generateSampleData(asOf)) {
    writeFileSync(join(out, name), `${JSON.stringify(content, null, 2)}\n`);
    written.push(name);
  }
  return written;
}

if (process.argv[1] && basename(process.argv[1]).startsWith('generate-sample-data')) {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const asOf = value('--as-of') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    console.error(`--as-of must be a date as YYYY-MM-DD, not ${asOf}`);
    process.exit(1);
  }
  const out = value('--out') ?? 'data';
  const written = writeSampleData(asOf, out);
  console.log(`Sample data for ${asOf}: ${written.length} files in ${out}/ (plan: ${join(out, 'sample-data-plan.json')})`);
}
