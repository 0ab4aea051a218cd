// What the SCORM editions' manifests are made of: namespaces, the schemaversion strings and the xsi:schemaLocation
// hints, and what an edition's packages mean to an LMS (its run-time data model, where it puts a completion
// threshold). The generators write these values and the validator, the launcher and the preview read the same
// profile, so a typo cannot make them disagree, and none of them asks which edition it is. Each edition's profile is
// in its registry entry (standards/scorm12.ts, standards/scorm2004-<edition>.ts, from the 2004 base below).
import { NS } from './namespaces.ts';

/** The run-time data model an edition's SCOs talk to: 1.2's (cmi.core.…), or 2004's (every 2004 edition). */
export type ScormDataModel = '1.2' | '2004';

export interface ScormProfile {
  dataModel: ScormDataModel;
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
  /**
   * Where an item's adlcp:completionThreshold holds the threshold: in its text (2004 3rd Edition), or in its
   * minProgressMeasure attribute, default 1.0, and then never in its text as well (4th Edition, CTS); 1.2 has none.
   */
  completionThreshold: 'text' | 'minProgressMeasure' | null;
  /** Its folder in manifests/schemas/: the control documents its packages ship and its XSD set. */
  schemaFolder: string;
}

/** What an edition's own module says of it; the rest of a 2004 profile is the same for every edition. */
export type Scorm2004Edition = Pick<ScormProfile, 'schemaversion' | 'completionThreshold' | 'schemaFolder'>;

export const SCORM12_PROFILE: ScormProfile = {
  dataModel: '1.2',
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
  completionThreshold: null,
  schemaFolder: 'scorm12',
};

/** A SCORM 2004 edition's profile: the edition's own values on what all 2004 editions share. */
export function scorm2004Profile(edition: Scorm2004Edition): ScormProfile {
  return {
    dataModel: '2004',
    cpNamespace: NS.imscp,
    adlcpNamespace: NS.adlcp,
    scormTypeAttribute: 'scormType',
    schemaLocations: [
      [NS.imscp, 'imscp_v1p1.xsd'],
      [NS.adlcp, 'adlcp_v1p3.xsd'],
      [NS.adlseq, 'adlseq_v1p3.xsd'],
      [NS.adlnav, 'adlnav_v1p3.xsd'],
      [NS.imsss, 'imsss_v1p0.xsd'],
    ],
    scoOnlyItemElements: ['completionThreshold', 'dataFromLMS', 'timeLimitAction'],
    ...edition,
  };
}

/** The xsi:schemaLocation attribute value for a profile: "ns file ns file …". */
export function schemaLocationValue(profile: ScormProfile): string {
  return profile.schemaLocations.map(([namespace, file]) => `${namespace} ${file}`).join(' ');
}
