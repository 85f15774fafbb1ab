// The Salesforce CLI's own library must recognise every source file and convert the tree to
// metadata format, as `sf project deploy` and `sf project convert source` would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { Problem, Project } from './project.js';

export async function checkConversion(project: Project): Promise<{ problems: Problem[]; components: number }> {
  const problems: Problem[] = [];
  const out = mkdtempSync(join(tmpdir(), 'mam-convert-'));
  try {
    const set = ComponentSet.fromSource(join(project.root, project.sourceDir));
    const known = new Set<string>();
    for (const component of set.getSourceComponents()) {
      for (const path of [component.xml, ...component.walkContent()]) {
        if (path) known.add(relative(project.root, path).split(sep).join('/'));
      }
    }
    for (const file of project.files) {
      if (!known.has(file.path)) problems.push({ file: file.path, message: 'not recognised as metadata by @salesforce/source-deploy-retrieve (wrong folder or suffix?)' });
    }
    await new MetadataConverter().convert(set, 'metadata', { type: 'directory', outputDirectory: out, genUniqueDir: false });
    return { problems, components: set.size };
  } catch (error) {
    problems.push({ file: project.sourceDir, message: `conversion to metadata format failed: ${error instanceof Error ? error.message : String(error)}` });
    return { problems, components: 0 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
