// The answers the preview's wire adapters give, from the same sample-data fixtures the jest tests
// use (force-app/main/default/lwc/*/__tests__/data/: <name>.graphql.json where the component's own
// query was run on the sample data, else <name>.json), for each component and page state.
import { STATE } from './state.js';
import { WIRE_ERROR_MESSAGE, type PreviewState } from '../catalog.js';
import fields from 'virtual:preview-fields';
import type { FieldInfo } from '../platform.js';
import plans from 'fixture:accountPlan/northwind';
import northwindAccount from 'fixture:majorAccountPanel/northwind';
import notMajorAccount from 'fixture:majorAccountPanel/notMajor';
import objectInfoManager from 'fixture:majorAccountPanel/objectInfoManager';
import objectInfoRep from 'fixture:majorAccountPanel/objectInfoRep';
import portfolio from 'fixture:majorAccountPortfolio/portfolio';
import portfolioSettings from 'fixture:majorAccountPortfolio/settings';
import milestones from 'fixture:milestoneTracker/northwind';
import healthPlan from 'fixture:planHealthCard/northwind';
import insights from 'fixture:planInsights/northwind';
import objectives from 'fixture:planObjectives/northwind';
import team from 'fixture:planTeam/northwind';
import revenue from 'fixture:portfolioParetoCurve/revenue';

/** What a `lightning/graphql` wire provisions. */
export type GraphqlAnswer = { data: unknown; errors: Array<{ message: string }> | undefined };
/** What a Lightning Data Service wire (getRecord, getObjectInfo) provisions. */
export type LdsAnswer = { data: unknown; error: unknown };
export type GraphqlConfig = { query?: unknown; variables?: Record<string, unknown> };


/** Objects whose access a read-only user lacks (each GraphQL query reads its objectInfos). */
const PACKAGE_OBJECTS = ['Account', 'Account_Plan__c', 'Plan_Objective__c', 'Plan_Milestone__c', 'Plan_Insight__c', 'Plan_Review__c', 'Account_Team_Role__c'];
const READ_ONLY_INFOS = PACKAGE_OBJECTS.map((ApiName) => ({ ApiName, createable: false, updateable: false, deletable: false }));

const noPlan = { uiapi: { query: { Account_Plan__c: { edges: [] } } } };
type Uiapi = { uiapi: Record<string, unknown> & { query: Record<string, unknown> } };

function withQuery(data: Uiapi, query: Record<string, unknown>): Uiapi {
  return { uiapi: { ...data.uiapi, query: { ...data.uiapi.query, ...query } } };
}
function readOnly(data: Uiapi): Uiapi {
  return { uiapi: { ...data.uiapi, objectInfos: READ_ONLY_INFOS } };
}

type Answers = { data: Uiapi; empty: Uiapi };
/** Each component's GraphQL wire (told apart by the element asking) in the data and empty states. */
const GRAPHQL: Record<string, (config: GraphqlConfig) => Answers> = {
  'c-account-plan': () => ({ data: plans as Uiapi, empty: withQuery(plans as Uiapi, { Account_Plan__c: { edges: [] } }) }),
  'c-plan-health-card': () => ({ data: healthPlan as Uiapi, empty: noPlan }),
  'c-milestone-tracker': () => ({ data: milestones as Uiapi, empty: noPlan }),
  'c-plan-objectives': () => ({ data: objectives as Uiapi, empty: noPlan }),
  'c-plan-team': () => ({ data: team as Uiapi, empty: noPlan }),
  'c-plan-insights': () => ({ data: insights as Uiapi, empty: noPlan }),
  // The portfolio asks twice: the settings (no variables) and the accounts.
  'c-major-account-portfolio': (config) =>
    config.variables
      ? {
          data: portfolio as Uiapi,
          empty: withQuery(portfolio as Uiapi, { Account: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }, Plan_Review__c: { edges: [] } })
        }
      : { data: portfolioSettings as Uiapi, empty: portfolioSettings as Uiapi },
  'c-portfolio-pareto-curve': () => {
    const data = revenue as Uiapi;
    const aggregate = data.uiapi.aggregate as Record<string, unknown>;
    return { data, empty: { uiapi: { ...data.uiapi, aggregate: { ...aggregate, Opportunity: { pageInfo: { hasNextPage: false }, edges: [] } } } } };
  }
};

/** The answer of a component's GraphQL wire in the page's state. */
export function graphqlAnswer(tagName: string, config: GraphqlConfig, state: PreviewState = STATE): GraphqlAnswer {
  const answers = GRAPHQL[tagName];
  if (!answers) return { data: undefined, errors: [{ message: `The preview has no sample data for ${tagName}: add it to scripts/preview/app/fixtures.ts.` }] };
  if (state === 'error') return { data: undefined, errors: [{ message: WIRE_ERROR_MESSAGE }] };
  const { data, empty } = answers(config);
  if (state === 'empty') return { data: empty, errors: undefined };
  return { data: state === 'readonly' ? readOnly(data) : data, errors: undefined };
}

/** getRecord for the Major Account panel: the flagged sample account, or one that is not major. */
export function recordAnswer(state: PreviewState = STATE): LdsAnswer {
  if (state === 'error') return { data: undefined, error: { status: 500, statusText: 'Server Error', ok: false, body: { message: WIRE_ERROR_MESSAGE } } };
  return { data: state === 'empty' ? notMajorAccount : northwindAccount, error: undefined };
}

/**
 * getObjectInfo: what the user may do. For the Account, the sample object infos of a sales manager
 * (a rep's when read-only); for the package's objects, full access (none when read-only) to every
 * field in force-app's metadata.
 */
export function objectInfoAnswer(objectApiName: string, state: PreviewState = STATE): LdsAnswer {
  const readOnly = state === 'readonly';
  if (objectApiName === 'Account') return { data: readOnly ? objectInfoRep : objectInfoManager, error: undefined };
  const objectFields: Record<string, FieldInfo> | undefined = fields[objectApiName];
  if (!objectFields) return { data: undefined, error: { status: 404, body: { message: `The preview knows no object ${objectApiName}.` } } };
  const access = { createable: !readOnly, updateable: !readOnly };
  return {
    data: {
      apiName: objectApiName,
      ...access,
      deletable: !readOnly,
      fields: Object.fromEntries(Object.entries(objectFields).map(([apiName, field]) => [apiName, { apiName, label: field.label, dataType: field.type, required: field.required, ...access }]))
    },
    error: undefined
  };
}

/** A record of the sample data by id: field API name → value (for the record-form stand-ins). */
export type SampleRecord = { id: string; fields: Record<string, unknown>; names: Record<string, string> };

let records: Map<string, SampleRecord> | undefined;

/** Finds a record in the sample data, so an edit form opens with the values the card shows. */
export function sampleRecord(id: string | undefined): SampleRecord | undefined {
  if (!id) return undefined;
  if (!records) {
    records = new Map();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== 'object') return;
      const node = value as Record<string, unknown>;
      if (typeof node.Id === 'string' && !records?.has(node.Id)) {
        const fields: Record<string, unknown> = {};
        const names: Record<string, string> = {};
        for (const [key, field] of Object.entries(node)) {
          if (field && typeof field === 'object' && 'value' in field) fields[key] = (field as { value: unknown }).value;
          const name = (field as { Name?: { value?: unknown } } | null)?.Name?.value;
          if (key.endsWith('__r') && typeof name === 'string') names[key.replace(/__r$/, '__c')] = name;
        }
        records?.set(node.Id, { id: node.Id, fields, names });
      }
      Object.values(node).forEach(visit);
    };
    [plans, milestones, healthPlan, insights, objectives, team, portfolio].forEach(visit);
  }
  return records.get(id);
}
