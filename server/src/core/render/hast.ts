/** Small builders for hast nodes, so the renderer never writes HTML as strings. */
import type { Element, ElementContent, Nodes, Properties, Text } from 'hast';

export function h(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** The element's classes as a list (hast keeps `className` as a list of strings). */
export function classesOf(element: Element): string[] {
  const value: unknown = element.properties.className;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

export function addClasses(element: Element, ...classes: string[]): void {
  const current = classesOf(element);
  for (const c of classes) if (!current.includes(c)) current.push(c);
  element.properties.className = current;
}

/** The text content of a node. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}
