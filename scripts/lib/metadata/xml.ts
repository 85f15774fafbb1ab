// A small, order-preserving view of a metadata XML document, so that every check walks the
// same tree and can name the element it complains about.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Text content, trimmed; undefined when the element holds only child elements. */
  text?: string;
};

export type XmlParseResult = { ok: true; root: XmlNode } | { ok: false; message: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true
});

type RawEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(entry: RawEntry): XmlNode | undefined {
  const name = Object.keys(entry).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?')) return undefined;
  const rawChildren = (entry[name] as RawEntry[]) ?? [];
  const children: XmlNode[] = [];
  const texts: string[] = [];
  for (const child of rawChildren) {
    if ('#text' in child) texts.push(String(child['#text']));
    else {
      const node = toNode(child);
      if (node) children.push(node);
    }
  }
  return {
    name,
    attributes: { ...(entry[':@'] ?? {}) },
    children,
    text: texts.length > 0 ? texts.join('') : children.length === 0 ? '' : undefined
  };
}

/** Parses one metadata document; a document that is not well-formed XML is an error, not a guess. */
export function parseXml(source: string): XmlParseResult {
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (valid !== true) {
    return { ok: false, message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  }
  const entries = parser.parse(source) as RawEntry[];
  const roots = entries.map(toNode).filter((node): node is XmlNode => node !== undefined);
  if (roots.length !== 1) return { ok: false, message: `expected one root element, found ${roots.length}` };
  return { ok: true, root: roots[0] };
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => child.name === name);
}

export function childText(node: XmlNode, name: string): string | undefined {
  return node.children.find((child) => child.name === name)?.text;
}

export function childTexts(node: XmlNode, name: string): string[] {
  return childrenNamed(node, name).map((child) => child.text ?? '');
}

/** Every descendant (depth first) with the given element name. */
export function descendantsNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendantsNamed(child, name)
  ]);
}
