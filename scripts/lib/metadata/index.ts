// All offline metadata checks in one call; scripts/check-metadata.ts prints the result and
// test/metadata proves each check catches what it should.
import { checkConversion } from './convert.js';
import { checkDataPlan } from './data-plan.js';
import { checkFormulas, type FormulaSize } from './formulas.js';
import { loadProject, type Problem } from './project.js';
import { checkReferences } from './references.js';
import { checkRelationshipNames, checkReports } from './reports.js';
import { checkSchema } from './schema.js';

export type MetadataReport = {
  problems: Problem[];
  files: number;
  components: number;
  dataRecords: number;
  largestFormulas: FormulaSize[];
};

export async function checkMetadata(root: string, options: { dataPlan?: string } = {}): Promise<MetadataReport> {
  const project = loadProject(root);
  const formulas = checkFormulas(project);
  const conversion = await checkConversion(project);
  const data = checkDataPlan(project, options.dataPlan);
  const problems = [
    ...project.problems,
    ...checkSchema(project.files),
    ...checkReferences(project),
    ...checkReports(project),
    ...checkRelationshipNames(project),
    ...formulas.problems,
    ...conversion.problems,
    ...data.problems
  ];
  return {
    problems,
    files: project.files.length + project.problems.length,
    components: conversion.components,
    dataRecords: data.records,
    largestFormulas: formulas.sizes.slice(0, 3)
  };
}

export { loadProject } from './project.js';
export type { Problem, Project } from './project.js';
