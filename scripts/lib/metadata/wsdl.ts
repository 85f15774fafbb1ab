// Salesforce's metadata WSDL (schemas/metadata-<version>.wsdl, vendored from forcedotcom/wsdl; see
// schemas/README.md) read into the complex types (elements in sequence order, with their base type
// folded in) and simple types (enumerations, patterns) that schema.ts validates documents against.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

export type WsdlElement = {
  name: string;
  /** `xsd:string`, `xsd:boolean`, … or a type of the schema without its `tns:` prefix. */
  type: string;
  minOccurs: number;
  /** Infinity for `unbounded`. */
  maxOccurs: number;
  nillable: boolean;
};

export type ComplexType = { name: string; elements: WsdlElement[]; base?: string };
export type SimpleType = { name: string; base: string; enumeration?: Set<string>; pattern?: RegExp; length?: number };

export type MetadataSchema = {
  version: string;
  complexTypes: Map<string, ComplexType>;
  simpleTypes: Map<string, SimpleType>;
  /** Elements of a type, base type elements first (a derived sequence follows its base's). */
  elementsOf(typeName: string): WsdlElement[] | undefined;
};

type Raw = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (entry: Raw): string | undefined => Object.keys(entry).find((key) => key !== ':@');
const childrenOf = (entry: Raw): Raw[] => {
  const tag = tagOf(entry);
  return tag ? ((entry[tag] as Raw[] | undefined) ?? []) : [];
};
const attrs = (entry: Raw): Record<string, string> => entry[':@'] ?? {};
const find = (entries: Raw[], tag: string): Raw | undefined => entries.find((entry) => tagOf(entry) === tag);
const stripPrefix = (type: string): string => type.replace(/^tns:/, '');

function readElements(sequence: Raw | undefined): WsdlElement[] {
  if (!sequence) return [];
  return childrenOf(sequence)
    .filter((entry) => tagOf(entry) === 'xsd:element')
    .map((entry) => {
      const a = attrs(entry);
      return {
        name: a.name,
        type: stripPrefix(a.type ?? 'xsd:anyType'),
        minOccurs: a.minOccurs === undefined ? 1 : Number(a.minOccurs),
        maxOccurs: a.maxOccurs === undefined ? 1 : a.maxOccurs === 'unbounded' ? Infinity : Number(a.maxOccurs),
        nillable: a.nillable === 'true'
      };
    });
}

export function parseMetadataWsdl(source: string): MetadataSchema {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false });
  const document = parser.parse(source) as Raw[];
  const definitions = find(document, 'definitions');
  const types = definitions && find(childrenOf(definitions), 'types');
  const schema = types && find(childrenOf(types), 'xsd:schema');
  if (!schema) throw new Error('not a metadata WSDL: no <types><xsd:schema>');
  const version = /Metadata API version ([\d.]+)/.exec(source.slice(0, 400))?.[1] ?? 'unknown';

  const complexTypes = new Map<string, ComplexType>();
  const simpleTypes = new Map<string, SimpleType>();
  for (const entry of childrenOf(schema)) {
    const tag = tagOf(entry);
    const name = attrs(entry).name;
    if (tag === 'xsd:complexType') {
      const body = childrenOf(entry);
      const extension = find(childrenOf(find(body, 'xsd:complexContent') ?? { x: [] }), 'xsd:extension');
      if (extension) {
        complexTypes.set(name, { name, base: stripPrefix(attrs(extension).base), elements: readElements(find(childrenOf(extension), 'xsd:sequence')) });
      } else {
        complexTypes.set(name, { name, elements: readElements(find(body, 'xsd:sequence')) });
      }
    } else if (tag === 'xsd:simpleType') {
      const restriction = find(childrenOf(entry), 'xsd:restriction');
      if (!restriction) continue;
      const facets = childrenOf(restriction);
      const values = facets.filter((facet) => tagOf(facet) === 'xsd:enumeration').map((facet) => attrs(facet).value);
      const pattern = find(facets, 'xsd:pattern');
      const length = find(facets, 'xsd:length');
      simpleTypes.set(name, {
        name,
        base: attrs(restriction).base,
        enumeration: values.length > 0 ? new Set(values) : undefined,
        pattern: pattern ? new RegExp(`^(?:${attrs(pattern).value})$`) : undefined,
        length: length ? Number(attrs(length).value) : undefined
      });
    }
  }

  const cache = new Map<string, WsdlElement[]>();
  const elementsOf = (typeName: string): WsdlElement[] | undefined => {
    const cached = cache.get(typeName);
    if (cached) return cached;
    const type = complexTypes.get(typeName);
    if (!type) return undefined;
    const elements = [...(type.base ? (elementsOf(type.base) ?? []) : []), ...type.elements];
    cache.set(typeName, elements);
    return elements;
  };
  return { version, complexTypes, simpleTypes, elementsOf };
}

const loaded = new Map<string, MetadataSchema>();

/** The vendored WSDL for an API version (parsed once per process). */
export function loadMetadataSchema(version: string): MetadataSchema {
  let schema = loaded.get(version);
  if (!schema) {
    const path = fileURLToPath(new URL(`../../../schemas/metadata-${version}.wsdl`, import.meta.url));
    schema = parseMetadataWsdl(readFileSync(path, 'utf8'));
    loaded.set(version, schema);
  }
  return schema;
}
