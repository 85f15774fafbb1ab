// The sample data plan (`sf data import tree --plan`) may only use objects and fields that exist,
// values the restricted picklists allow, and references to records saved by an earlier step.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Problem, Project } from './project.js';

type PlanStep = { sobject: string; saveRefs?: boolean; resolveRefs?: boolean; files: string[] };
type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;

export const DEFAULT_DATA_PLAN = 'data/sample-data-plan.json';

export function checkDataPlan(project: Project, planPath = DEFAULT_DATA_PLAN): { problems: Problem[]; records: number } {
  const problems: Problem[] = [];
  const absolutePlan = join(project.root, planPath);
  if (!existsSync(absolutePlan)) return { problems, records: 0 };
  let plan: PlanStep[];
  try {
    plan = JSON.parse(readFileSync(absolutePlan, 'utf8')) as PlanStep[];
  } catch (error) {
    return { problems: [{ file: planPath, message: `not valid JSON: ${(error as Error).message}` }], records: 0 };
  }
  const saved = new Map<string, string>(); // referenceId → sObject type
  let records = 0;
  for (const step of plan) {
    const object = project.objects.get(step.sobject);
    if (!object) problems.push({ file: planPath, message: `step for ${step.sobject}, which does not exist` });
    for (const name of step.files) {
      const path = relative(project.root, join(dirname(absolutePlan), name));
      let tree: { records: TreeRecord[] };
      try {
        tree = JSON.parse(readFileSync(join(project.root, path), 'utf8')) as { records: TreeRecord[] };
      } catch (error) {
        problems.push({ file: path, message: `cannot read the data file: ${(error as Error).message}` });
        continue;
      }
      for (const record of tree.records) {
        records += 1;
        const { type, referenceId } = record.attributes;
        const where = `${type} ${referenceId}`;
        const recordObject = project.objects.get(type);
        if (!recordObject) {
          problems.push({ file: path, message: `${where}: object ${type} does not exist` });
          continue;
        }
        for (const [fieldName, value] of Object.entries(record)) {
          if (fieldName === 'attributes') continue;
          const field = recordObject.fields.get(fieldName);
          if (!field) {
            problems.push({ file: path, message: `${where}: field ${type}.${fieldName} does not exist` });
            continue;
          }
          if (field.formula !== undefined || field.type === 'Summary' || field.type === 'AutoNumber') {
            problems.push({ file: path, message: `${where}: ${fieldName} is computed by the platform and cannot be imported` });
          }
          if (typeof value === 'string' && value.startsWith('@')) {
            const target = saved.get(value.slice(1));
            if (!step.resolveRefs) problems.push({ file: path, message: `${where}: ${fieldName} uses a reference but the step does not resolveRefs` });
            else if (!target) problems.push({ file: path, message: `${where}: ${fieldName} references ${value}, which no earlier step saved` });
            else if (field.referenceTo && field.referenceTo !== target) problems.push({ file: path, message: `${where}: ${fieldName} must reference a ${field.referenceTo}, not a ${target}` });
          }
          if ((field.type === 'Picklist' || field.type === 'MultiselectPicklist') && typeof value === 'string') {
            const values = field.type === 'MultiselectPicklist' ? value.split(';') : [value];
            for (const one of values) {
              if (!field.picklistValues.includes(one)) problems.push({ file: path, message: `${where}: "${one}" is not a value of ${type}.${fieldName}` });
            }
          }
        }
        if (step.saveRefs) saved.set(referenceId, type);
      }
    }
  }
  return { problems, records };
}
