// Small DOM helpers for the preview's own page (its frames, index and toasts), outside any component.

type Child = Node | string;

/** An element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A decorative SLDS icon from the design system's sprite (served at /assets/icons/). */
export function spriteIcon(sprite: string, name: string, className: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `/assets/icons/${sprite}-sprite/svg/symbols.svg#${name}`);
  svg.append(use);
  return svg;
}
