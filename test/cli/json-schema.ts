// A JSON Schema validator for the subset scripts/json-schemas.ts writes (type, const, enum,
// properties, required, additionalProperties, items, prefixItems, minItems, maxItems, anyOf), and
// the committed schema of each command. Used by the CLI harness on every result a test sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../../scripts/json-schemas.js';

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Where the value breaks the schema, one line per problem with its JSON path; empty when it conforms. */
export function schemaViolations(schema: JsonSchema, value: unknown, path = '$'): string[] {
  if (schema.anyOf) {
    const each = schema.anyOf.map((s) => schemaViolations(s, value, path));
    return each.some((v) => v.length === 0) ? [] : [`${path}: matches none of ${schema.anyOf.length} alternatives (${each.map((v) => v[0]).join(' | ')})`];
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!allowed.includes(actual)) return [`${path}: ${actual} where the schema says ${allowed.join(' or ')}`];
  }
  if (schema.const !== undefined && value !== schema.const) return [`${path}: ${JSON.stringify(value)} where the schema says ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value as string | number)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  if (actual === 'array') return arrayViolations(schema, value as unknown[], path);
  if (actual === 'object') return objectViolations(schema, value as Record<string, unknown>, path);
  return [];
}

function arrayViolations(schema: JsonSchema, value: unknown[], path: string): string[] {
  const problems: string[] = [];
  if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${path}: ${value.length} items, at least ${schema.minItems} expected`);
  if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${path}: ${value.length} items, at most ${schema.maxItems} expected`);
  value.forEach((item, i) => {
    const itemSchema = schema.prefixItems?.[i] ?? schema.items;
    if (itemSchema === false) problems.push(`${path}[${i}]: no item expected here`);
    else if (itemSchema) problems.push(...schemaViolations(itemSchema, item, `${path}[${i}]`));
  });
  return problems;
}

function objectViolations(schema: JsonSchema, value: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${path}.${key}: missing`);
  for (const [key, item] of Object.entries(value)) {
    const propertySchema = schema.properties?.[key];
    if (propertySchema) problems.push(...schemaViolations(propertySchema, item, `${path}.${key}`));
    else if (schema.additionalProperties === false) problems.push(`${path}.${key}: not in the schema`);
    else if (schema.additionalProperties && schema.additionalProperties !== true) problems.push(...schemaViolations(schema.additionalProperties, item, `${path}.${key}`));
  }
  return problems;
}

const committed = new Map<string, JsonSchema>();

/** The committed schema (schemas/json/mam-plan-create.json) of a command class (PlanCreate), by the naming convention. */
export function schemaOfCommandClass(className: string): JsonSchema {
  const file = `mam-${className.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}.json`;
  let schema = committed.get(file);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas/json', file), 'utf8')) as JsonSchema;
    committed.set(file, schema);
  }
  return schema;
}

/** What `--json` prints as "result": the value as JSON.stringify leaves it (undefined dropped, NaN as null). */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
