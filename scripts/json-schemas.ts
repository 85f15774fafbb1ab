// The `--json` contract of every `sf mam` command, generated from the code so it cannot drift:
//  - schemas/json/<command>.json: a JSON Schema of the command's result, from the TypeScript type
//    the command class is declared with (`MamCommand<IdentifyResult>`), through the type checker;
//  - command-snapshot.json: each command with its aliases and flags (type, char, aliases, options).
// `npm run schemas` writes both; test/cli/json-contract.test.ts fails when either differs from what
// this script would write now, and validates the commands' real results against the schemas.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export type JsonSchema = {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  const?: string | number | boolean;
  enum?: Array<string | number>;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
};

const root = process.cwd();
const commandsDir = join(root, 'src/commands');

/** Every command source file, with its id as sf knows it (src/commands/mam/plan/create.ts is mam:plan:create). */
export function commandFiles(): Array<{ id: string; file: string }> {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((file) => ({ id: relative(commandsDir, file).replace(/\.ts$/, '').split(sep).join(':'), file }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** schemas/json/mam-plan-create.json for mam:plan:create. */
export const schemaFileName = (id: string): string => `${id.replace(/:/g, '-')}.json`;

const sortedUnique = <T extends string | number>(values: T[]): T[] => [...new Set(values)].sort((a, b) => String(a).localeCompare(String(b)));

class SchemaWriter {
  private readonly stack: ts.Type[] = [];
  constructor(private readonly checker: ts.TypeChecker) {}

  /** The schema of what JSON.stringify makes of a value of this type. */
  public schema(type: ts.Type): JsonSchema {
    const { checker } = this;
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', const: (type as ts.StringLiteralType).value };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', const: (type as ts.NumberLiteralType).value };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: checker.typeToString(type) === 'true' };
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isUnion()) return this.union(type.types);
    if (this.stack.includes(type)) throw new Error(`Recursive type ${checker.typeToString(type)}: describe it without recursion`);
    this.stack.push(type);
    try {
      return this.object(type);
    } finally {
      this.stack.pop();
    }
  }

  private union(members: readonly ts.Type[]): JsonSchema {
    const present = members.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const literals = present.filter((m) => m.flags & ts.TypeFlags.StringLiteral);
    const booleans = present.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    const others = present.filter((m) => !literals.includes(m) && !(booleans.length === 2 && booleans.includes(m)));
    const schemas: JsonSchema[] = [];
    if (literals.length > 0) schemas.push({ type: 'string', enum: sortedUnique(literals.map((m) => (m as ts.StringLiteralType).value)) });
    if (booleans.length === 2) schemas.push({ type: 'boolean' });
    schemas.push(...others.map((m) => this.schema(m)));
    if (schemas.length === 1) return schemas[0];
    // Plain types side by side (number | null) read best as a list of types.
    if (schemas.every((s) => typeof s.type === 'string' && Object.keys(s).length === 1)) return { type: sortedUnique(schemas.map((s) => s.type as string)) };
    return { anyOf: [...schemas].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
  }

  private object(type: ts.Type): JsonSchema {
    const { checker } = this;
    if (checker.isTupleType(type)) {
      const elements = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', prefixItems: elements.map((e) => this.schema(e)), items: false, minItems: elements.length, maxItems: elements.length };
    }
    if (checker.isArrayType(type)) return { type: 'array', items: this.schema(checker.getTypeArguments(type as ts.TypeReference)[0]) };
    if (type.getSymbol()?.getName() === 'Date') return { type: 'string' };
    if (type.getCallSignatures().length > 0) throw new Error(`A function (${checker.typeToString(type)}) cannot be part of a --json result`);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getTypeOfSymbol(property);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0 || (propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      const described = this.schema(propertyType);
      const doc = ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
      properties[property.getName()] = doc ? { description: doc, ...described } : described;
      if (!optional) required.push(property.getName());
    }
    const index = checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral));
    return {
      type: 'object',
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: index ? this.schema(index.type) : false
    };
  }
}

/** The result type of a command: T in `class X extends MamCommand<T>` (the type its run() resolves to). */
function resultType(checker: ts.TypeChecker, source: ts.SourceFile): { name: string; type: ts.Type } {
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) continue;
    const base = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    const argument = base?.typeArguments?.[0];
    if (argument) return { name: argument.getText(source), type: checker.getTypeFromTypeNode(argument) };
  }
  throw new Error(`${source.fileName}: no default export class extending MamCommand<Result>`);
}

/** A JSON Schema per command, keyed by command id. */
export function commandSchemas(): Record<string, JsonSchema> {
  const commands = commandFiles();
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const program = ts.createProgram({ rootNames: commands.map((c) => c.file), options: { ...(parsed?.options ?? {}), noEmit: true } });
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const schemas: Record<string, JsonSchema> = {};
  for (const { id, file } of commands) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const { name, type } = resultType(checker, source);
    schemas[id] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `sf ${id.replace(/:/g, ' ')} --json: result (${name})`,
      description: `Generated by npm run schemas from the type ${name} in ${relative(root, file).split(sep).join('/')}; the "result" of the command's --json output.`,
      ...writer.schema(type)
    };
  }
  return schemas;
}

export type FlagSnapshot = {
  type: string;
  char?: string;
  aliases?: string[];
  charAliases?: string[];
  required?: boolean;
  multiple?: boolean;
  options?: readonly string[];
  default?: string | number | boolean;
  dependsOn?: string[];
  exclusive?: string[];
};
export type CommandSnapshot = { command: string; aliases: string[]; flags: Record<string, FlagSnapshot> };

type FlagLike = { type: string; char?: string; aliases?: string[]; charAliases?: string[]; required?: boolean; multiple?: boolean; options?: readonly string[]; default?: unknown; dependsOn?: string[]; exclusive?: string[] };
type CommandClass = { aliases?: string[]; flags?: Record<string, FlagLike>; baseFlags?: Record<string, FlagLike>; enableJsonFlag?: boolean };

function flagSnapshot(flag: FlagLike): FlagSnapshot {
  const value = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);
  return {
    type: flag.type,
    ...(flag.char ? { char: flag.char } : {}),
    ...(flag.aliases?.length ? { aliases: [...flag.aliases] } : {}),
    ...(flag.charAliases?.length ? { charAliases: [...flag.charAliases] } : {}),
    ...(flag.required ? { required: true } : {}),
    ...(flag.multiple ? { multiple: true } : {}),
    ...(flag.options ? { options: [...flag.options] } : {}),
    ...(value(flag.default) ? { default: flag.default } : {}),
    ...(flag.dependsOn?.length ? { dependsOn: [...flag.dependsOn] } : {}),
    ...(flag.exclusive?.length ? { exclusive: [...flag.exclusive] } : {})
  };
}

/** Each command's id, aliases and flags (its own and the base flags sf adds, such as --json), from the classes. */
export async function commandSnapshot(): Promise<CommandSnapshot[]> {
  const snapshot: CommandSnapshot[] = [];
  for (const { id, file } of commandFiles()) {
    const command = ((await import(pathToFileURL(file).href)) as { default: CommandClass }).default;
    const flags = { ...(command.baseFlags ?? {}), ...(command.flags ?? {}) };
    // oclif adds --json itself when the command enables it (every SfCommand does).
    if (command.enableJsonFlag) flags.json = { type: 'boolean' };
    const names = Object.keys(flags).sort();
    snapshot.push({ command: id, aliases: [...(command.aliases ?? [])].sort(), flags: Object.fromEntries(names.map((name) => [name, flagSnapshot(flags[name])])) });
  }
  return snapshot;
}

export const SCHEMA_DIR = join(root, 'schemas/json');
export const SNAPSHOT_FILE = join(root, 'command-snapshot.json');
export const asFileText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function main(): Promise<void> {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [id, schema] of Object.entries(commandSchemas())) writeFileSync(join(SCHEMA_DIR, schemaFileName(id)), asFileText(schema));
  writeFileSync(SNAPSHOT_FILE, asFileText(await commandSnapshot()));
  console.log(`Wrote ${relative(root, SCHEMA_DIR)}/*.json and ${relative(root, SNAPSHOT_FILE)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
