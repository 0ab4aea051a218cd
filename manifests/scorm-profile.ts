// What the SCORM editions' manifests are made of: namespaces, the schemaversion strings and the xsi:schemaLocation
// hints. The generators write these values and the validator and the preview read the same table, so a typo cannot
// make them disagree. (Each edition's standard module, standards/scorm*.ts, binds this to the rest.)
import type { StandardId } from '../course/model/types.ts';
import { NS } from './namespaces.ts';

export type ScormStandard = 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th';

/** Whether `standard` is a SCORM edition: one with a profile below. */
export function isScorm(standard: StandardId): standard is ScormStandard {
  return Object.hasOwn(SCORM_PROFILE, standard);
}

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
