// The Salesforce CLI's own library must recognise every source file and convert the tree to
// metadata format, as `sf project deploy` and `sf project convert source` would. The same
// resolution tells the schema check which metadata type each file is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ComponentSet, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import type { Problem, Project } from './project.js';

export type Conversion = {
  problems: Problem[];
  components: number;
  /** Each metadata file (relative path) → the metadata type SDR reads it as (`CustomField`, …). */
  types: Map<string, string>;
};

export async function checkConversion(project: Project): Promise<Conversion> {
  const problems: Problem[] = [];
  const types = new Map<string, string>();
  const out = mkdtempSync(join(tmpdir(), 'mam-convert-'));
  const posix = (path: string): string => relative(project.root, path).split(sep).join('/');
  try {
    const set = ComponentSet.fromSource(join(project.root, project.sourceDir));
    const known = new Set<string>();
    const record = (component: SourceComponent): void => {
      // a child in its parent's file (a CustomLabel in CustomLabels) does not change the file's type
      if (component.xml && !types.has(posix(component.xml))) types.set(posix(component.xml), component.type.name);
      // decomposed children (fields, list views, validation rules, …) are types of their own
      for (const child of component.getChildren()) record(child);
    };
    for (const component of set.getSourceComponents()) {
      record(component);
      for (const path of [component.xml, ...component.walkContent()]) {
        if (path) known.add(posix(path));
      }
    }
    for (const file of project.files) {
      if (!known.has(file.path) && !types.has(file.path)) problems.push({ file: file.path, message: 'not recognised as metadata by @salesforce/source-deploy-retrieve (wrong folder or suffix?)' });
    }
    await new MetadataConverter().convert(set, 'metadata', { type: 'directory', outputDirectory: out, genUniqueDir: false });
    return { problems, components: set.size, types };
  } catch (error) {
    problems.push({ file: project.sourceDir, message: `conversion to metadata format failed: ${error instanceof Error ? error.message : String(error)}` });
    return { problems, components: 0, types };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
