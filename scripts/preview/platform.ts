// What the platform would give the components at run time, read from the package's own metadata:
// Custom Label values and the fields (label, type, picklist values) the record-form stand-ins show.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => ['labels', 'value'].includes(name) });

/** Every Custom Label of the package: name → value (the English text users read). */
export function readLabels(root: string): Map<string, string> {
  const file = join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
  const xml = parser.parse(readFileSync(file, 'utf8')) as { CustomLabels: { labels: Array<{ fullName: string; value: string }> } };
  return new Map(xml.CustomLabels.labels.map((l) => [String(l.fullName), String(l.value ?? '')]));
}

/** A field as lightning-input-field needs it to draw itself. */
export type FieldInfo = { label: string; type: string; required: boolean; options?: string[]; referenceTo?: string; referenceLabel?: string; helpText?: string };
/** Object API name → field API name → field. */
export type FieldCatalog = Record<string, Record<string, FieldInfo>>;

type FieldXml = {
  CustomField: {
    label?: string;
    type?: string;
    required?: string;
    referenceTo?: string;
    inlineHelpText?: string;
    valueSet?: { valueSetDefinition?: { value?: Array<{ fullName: string; label?: string }> } };
  };
};

/** The custom fields of every object in force-app, plus the standard Name field. */
export function readFields(root: string): FieldCatalog {
  const objectsDir = join(root, 'force-app/main/default/objects');
  const catalog: FieldCatalog = {};
  for (const object of readdirSync(objectsDir)) {
    const fieldsDir = join(objectsDir, object, 'fields');
    const fields: Record<string, FieldInfo> = { Name: { label: objectLabels(join(objectsDir, object)).name, type: 'Text', required: true } };
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml'))) {
        const field = (parser.parse(readFileSync(join(fieldsDir, file), 'utf8')) as FieldXml).CustomField;
        const values = field.valueSet?.valueSetDefinition?.value ?? [];
        fields[file.replace('.field-meta.xml', '')] = {
          label: String(field.label ?? file),
          type: String(field.type ?? 'Text'),
          required: field.required === 'true' || field.type === 'MasterDetail',
          ...(values.length ? { options: values.map((v) => String(v.label ?? v.fullName)) } : {}),
          ...(field.referenceTo ? { referenceTo: String(field.referenceTo), referenceLabel: referenceLabel(objectsDir, String(field.referenceTo)) } : {}),
          ...(field.inlineHelpText ? { helpText: String(field.inlineHelpText) } : {})
        };
      }
    }
    catalog[object] = fields;
  }
  return catalog;
}

/** The object's Name field label and its plural label, from its object-meta.xml. */
function objectLabels(objectDir: string): { name: string; plural?: string } {
  const file = existsSync(objectDir) ? readdirSync(objectDir).find((f) => f.endsWith('.object-meta.xml')) : undefined;
  if (!file) return { name: 'Name' };
  const xml = parser.parse(readFileSync(join(objectDir, file), 'utf8')) as { CustomObject?: { nameField?: { label?: string }; pluralLabel?: string } };
  const plural = xml.CustomObject?.pluralLabel;
  return { name: String(xml.CustomObject?.nameField?.label ?? 'Name'), ...(plural ? { plural: String(plural) } : {}) };
}

/** What a lookup searches, in words: the target's plural label (standard objects: their name + s). */
function referenceLabel(objectsDir: string, object: string): string {
  return objectLabels(join(objectsDir, object)).plural ?? `${object}s`;
}
