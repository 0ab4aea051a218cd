// Which standard and edition an arbitrary package follows: first which descriptor sits at the zip root, then which
// standard of those using that descriptor recognises its root element (its namespace, and for SCORM 2004 the
// metadata/schemaversion: 3rd and 4th Edition share namespaces). The standards are the registry's (standards/).
import type { StandardId } from '../course/model/types.ts';
import type { Problem } from './problem.ts';
import { locate } from './problem.ts';
import { DESCRIPTOR_FILE, DESCRIPTOR_NAMES, PACKAGE_STANDARD_LIST } from './standards/index.ts';
import type { XmlElement } from './xml-tree.ts';

export type DescriptorSearch = { found: true; path: string } | { found: false; problem: Problem };

/**
 * The descriptor to validate. `expected` (when the caller knows the standard) picks that standard's descriptor.
 * A descriptor that exists only in a sub-folder, or with different letter case, is reported as such: LMSs
 * (and ADL's IMSManifestAtRootChecker) look for the exact name at the root only.
 */
export function findDescriptor(paths: ReadonlySet<string>, expected?: StandardId): DescriptorSearch {
  const wanted = expected ? [DESCRIPTOR_FILE[expected]] : DESCRIPTOR_NAMES;
  for (const name of wanted) if (paths.has(name)) return { found: true, path: name };

  const byName = (path: string) => wanted.find((name) => path.split('/').pop()!.toLowerCase() === name);
  const misnamed = [...paths].filter((path) => !path.includes('/') && byName(path));
  if (misnamed.length > 0) {
    const [path] = misnamed as [string];
    return { found: false, problem: { rule: 'descriptor-name', where: path, message: `found "${path}"; the descriptor must be named exactly "${byName(path)}"` } };
  }
  const nested = [...paths].filter((path) => path.includes('/') && byName(path)).sort((a, b) => a.length - b.length);
  if (nested.length > 0) {
    const [path] = nested as [string];
    return {
      found: false,
      problem: {
        rule: 'descriptor-at-root',
        where: path,
        message: `${byName(path)} is at "${path}", not at the zip root (zip the folder's contents, not the folder)`,
      },
    };
  }
  return {
    found: false,
    problem: { rule: 'descriptor-missing', where: '(zip root)', message: `no ${wanted.join(', ').replace(/, ([^,]*)$/, ' or $1')} at the zip root` },
  };
}

export interface Detection {
  standard: StandardId | 'unknown';
  /** Edition as the package states it, e.g. "2004 4th Edition"; '' when unknown. */
  edition: string;
  /** Why the standard could not be determined or is not supported. */
  problems: Problem[];
}

export function detectStandard(descriptor: string, root: XmlElement): Detection {
  const candidates = PACKAGE_STANDARD_LIST.filter((standard) => standard.descriptor === descriptor);
  for (const standard of candidates) {
    const edition = standard.recognise(root);
    if (edition !== null) return { standard: standard.id, edition, problems: [] };
  }
  for (const standard of candidates) {
    const why = standard.unrecognised?.(descriptor, root, candidates) ?? null;
    if (why) return { standard: 'unknown', edition: why.edition, problems: [why.problem] };
  }
  const expected = [...new Set(candidates.map((standard) => standard.expectedRoot))];
  return {
    standard: 'unknown',
    edition: '',
    problems: [
      {
        rule: 'root-element',
        where: locate(descriptor, root),
        message: `the root element is <${root.qname}>${root.ns ? ` in namespace ${root.ns}` : ' in no namespace'}; ${descriptor} needs ${expected.length > 0 ? expected.join(' or ') : 'a root element of a supported standard'}`,
      },
    ],
  };
}
