// All offline metadata checks in one call; scripts/check-metadata.ts prints the result and
// test/metadata proves each check catches what it should.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConversion } from './convert.js';
import { checkDataPlan } from './data-plan.js';
import { checkFormulas, type FormulaSize } from './formulas.js';
import { loadProject, type Problem } from './project.js';
import { checkReferences } from './references.js';
import { checkRelationshipNames, checkReports } from './reports.js';
import { checkSchema } from './schema.js';
import { loadMetadataSchema } from './wsdl.js';

export type MetadataReport = {
  problems: Problem[];
  files: number;
  components: number;
  dataRecords: number;
  largestFormulas: FormulaSize[];
};

/** The project's sourceApiVersion: the Metadata API version whose WSDL the files must satisfy. */
function sourceApiVersion(root: string): string {
  const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion?: string };
  return project.sourceApiVersion ?? '65.0';
}

export async function checkMetadata(root: string, options: { dataPlan?: string } = {}): Promise<MetadataReport> {
  const project = loadProject(root);
  const formulas = checkFormulas(project);
  const conversion = await checkConversion(project);
  const data = checkDataPlan(project, options.dataPlan);
  const version = sourceApiVersion(root);
  let schemaProblems: Problem[];
  try {
    schemaProblems = checkSchema(project.files, loadMetadataSchema(version), conversion.types);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    schemaProblems = [{ file: 'sfdx-project.json', message: `no metadata WSDL for sourceApiVersion ${version} in schemas/ (${reason})` }];
  }
  const problems = [
    ...project.problems,
    ...schemaProblems,
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
