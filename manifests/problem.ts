// One broken rule, as every check reports it, and what each descriptor check is given.
import type { XmlElement } from './xml-tree.ts';

export interface Problem {
  /** Short rule id, e.g. 'xsd', 'file-listed', 'href-relative'. */
  rule: string;
  /** File path plus line (e.g. "imsmanifest.xml:23"), or the package path the rule is about. */
  where: string;
  message: string;
}

/** "imsmanifest.xml:23" for an element of the descriptor. */
export function locate(descriptor: string, element: XmlElement): string {
  return `${descriptor}:${element.line}`;
}

export interface DescriptorContext {
  /** Path of the descriptor inside the package. */
  descriptor: string;
  root: XmlElement;
  /** Every file path in the package. */
  paths: ReadonlySet<string>;
}
