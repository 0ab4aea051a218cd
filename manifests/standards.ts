// What each package format is made of: descriptor file name, namespaces, the SCORM schemaversion strings and the
// xsi:schemaLocation hints. The generators write these values and the validator checks against the same table, so a
// typo cannot make the two disagree.
import type { StandardId } from '../course/types.ts';

export const NS = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  // SCORM 1.2
  imscp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd12: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  // SCORM 2004 (3rd and 4th edition share the namespaces; the XSD files differ)
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  lom: 'http://ltsc.ieee.org/xsd/LOM',
  // xAPI descriptors
  cmi5: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
  tincan: 'http://projecttincan.com/tincan.xsd',
} as const;

export type ScormStandard = 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th';

export function isScorm(standard: StandardId): standard is ScormStandard {
  return standard === 'scorm12' || standard === 'scorm2004-3rd' || standard === 'scorm2004-4th';
}

/** The descriptor each standard puts at the zip root. */
export const DESCRIPTOR_FILE: Readonly<Record<StandardId, string>> = {
  scorm12: 'imsmanifest.xml',
  'scorm2004-3rd': 'imsmanifest.xml',
  'scorm2004-4th': 'imsmanifest.xml',
  cmi5: 'cmi5.xml',
  xapi: 'tincan.xml',
};

/** Human name of each standard, for reports. */
export const STANDARD_NAME: Readonly<Record<StandardId, string>> = {
  scorm12: 'SCORM 1.2',
  'scorm2004-3rd': 'SCORM 2004 3rd Edition',
  'scorm2004-4th': 'SCORM 2004 4th Edition',
  cmi5: 'cmi5',
  xapi: 'xAPI (TinCan launch)',
};

export interface ScormProfile {
  /** Namespace of <manifest> and the other IMS CP elements. */
  cpNamespace: string;
  /** Namespace of the adlcp: extensions (scormtype / scormType live here). */
  adlcpNamespace: string;
  /** The scormtype attribute's local name: 1.2 spells it in lower case, 2004 in camel case. */
  scormTypeAttribute: 'scormtype' | 'scormType';
  /** Value of metadata/schemaversion. */
  schemaversion: string;
  /** xsi:schemaLocation pairs (namespace, control document at the package root). */
  schemaLocations: ReadonlyArray<readonly [namespace: string, file: string]>;
  /** adlcp: elements of an <item> that only make sense when the item launches a SCO (ADL CAM). */
  scoOnlyItemElements: readonly string[];
}

const SCORM2004_SCHEMA_LOCATIONS = [
  [NS.imscp, 'imscp_v1p1.xsd'],
  [NS.adlcp, 'adlcp_v1p3.xsd'],
  [NS.adlseq, 'adlseq_v1p3.xsd'],
  [NS.adlnav, 'adlnav_v1p3.xsd'],
  [NS.imsss, 'imsss_v1p0.xsd'],
] as const;

export const SCORM_PROFILE: Readonly<Record<ScormStandard, ScormProfile>> = {
  scorm12: {
    cpNamespace: NS.imscp12,
    adlcpNamespace: NS.adlcp12,
    scormTypeAttribute: 'scormtype',
    schemaversion: '1.2',
    schemaLocations: [
      [NS.imscp12, 'imscp_rootv1p1p2.xsd'],
      [NS.imsmd12, 'imsmd_rootv1p2p1.xsd'],
      [NS.adlcp12, 'adlcp_rootv1p2.xsd'],
    ],
    scoOnlyItemElements: ['masteryscore', 'maxtimeallowed', 'timelimitaction', 'datafromlms'],
  },
  'scorm2004-3rd': {
    cpNamespace: NS.imscp,
    adlcpNamespace: NS.adlcp,
    scormTypeAttribute: 'scormType',
    schemaversion: '2004 3rd Edition',
    schemaLocations: SCORM2004_SCHEMA_LOCATIONS,
    scoOnlyItemElements: ['completionThreshold', 'dataFromLMS', 'timeLimitAction'],
  },
  'scorm2004-4th': {
    cpNamespace: NS.imscp,
    adlcpNamespace: NS.adlcp,
    scormTypeAttribute: 'scormType',
    schemaversion: '2004 4th Edition',
    schemaLocations: SCORM2004_SCHEMA_LOCATIONS,
    scoOnlyItemElements: ['completionThreshold', 'dataFromLMS', 'timeLimitAction'],
  },
};

/** The xsi:schemaLocation attribute value for a profile: "ns file ns file …". */
export function schemaLocationValue(profile: ScormProfile): string {
  return profile.schemaLocations.map(([namespace, file]) => `${namespace} ${file}`).join(' ');
}
