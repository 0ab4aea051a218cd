// Which standard and edition an arbitrary package follows: first which descriptor sits at the zip root, then its
// root element's namespace, and for SCORM 2004 the metadata/schemaversion (3rd and 4th Edition share namespaces).
import type { StandardId } from '../course/types.ts';
import type { Problem } from './problem.ts';
import { locate } from './problem.ts';
import { DESCRIPTOR_FILE, NS } from './standards.ts';
import { childrenNamed, type XmlElement } from './xml-tree.ts';

/** Descriptor names, in the order we look for them when a package has more than one. */
const DESCRIPTOR_NAMES = ['imsmanifest.xml', 'cmi5.xml', 'tincan.xml'] as const;

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
  const rootProblem = (expected: string): Detection => ({
    standard: 'unknown',
    edition: '',
    problems: [
      {
        rule: 'root-element',
        where: locate(descriptor, root),
        message: `the root element is <${root.qname}>${root.ns ? ` in namespace ${root.ns}` : ' in no namespace'}; ${descriptor} needs ${expected}`,
      },
    ],
  });

  if (descriptor === 'cmi5.xml') {
    return root.local === 'courseStructure' && root.ns === NS.cmi5
      ? { standard: 'cmi5', edition: 'cmi5 CourseStructure v1', problems: [] }
      : rootProblem(`<courseStructure> in namespace ${NS.cmi5}`);
  }
  if (descriptor === 'tincan.xml') {
    return root.local === 'tincan' && root.ns === NS.tincan
      ? { standard: 'xapi', edition: 'TinCan launch (tincan.xml)', problems: [] }
      : rootProblem(`<tincan> in namespace ${NS.tincan}`);
  }

  if (root.local === 'manifest' && root.ns === NS.imscp12) return { standard: 'scorm12', edition: '1.2', problems: [] };
  if (root.local !== 'manifest' || root.ns !== NS.imscp) {
    return rootProblem(`<manifest> in namespace ${NS.imscp12} (SCORM 1.2) or ${NS.imscp} (SCORM 2004)`);
  }
  const versionElement = childrenNamed(root, NS.imscp, 'metadata').flatMap((metadata) => childrenNamed(metadata, NS.imscp, 'schemaversion'))[0];
  const version = versionElement?.text.replace(/\s+/g, ' ').trim() ?? '';
  if (version === '2004 3rd Edition') return { standard: 'scorm2004-3rd', edition: version, problems: [] };
  if (version === '2004 4th Edition') return { standard: 'scorm2004-4th', edition: version, problems: [] };
  const where = locate(descriptor, versionElement ?? root);
  if (version === 'CAM 1.3' || version === '2004 2nd Edition') {
    return {
      standard: 'unknown',
      edition: `2004 2nd Edition (${version})`,
      problems: [
        {
          rule: 'edition-unsupported',
          where,
          message: `schemaversion "${version}" is SCORM 2004 2nd Edition, which this validator does not support; republish as 2004 3rd or 4th Edition`,
        },
      ],
    };
  }
  return {
    standard: 'unknown',
    edition: '',
    problems: [
      {
        rule: 'schemaversion',
        where,
        message: `a SCORM 2004 manifest needs metadata/schemaversion "2004 3rd Edition" or "2004 4th Edition" (found ${version ? `"${version}"` : 'none'})`,
      },
    ],
  };
}
