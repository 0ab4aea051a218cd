// Who a row of a Moodle or Totara download is about, and their team. Both the SCORM reports and the activity
// completion report show the site's identity fields (the showuseridentity setting: "Email address", "ID number",
// "Department", …) under the same display names, so the same column keys a learner in each and the downloads of
// one course join learner by learner. The SCORM reports pass identity values through s() (HTML entities), the
// completion report does not: cells are decoded before they are compared.
import { InputError } from '../errors.ts';

/** Identity fields that single out a person, most reliable first; the full name is the last resort. */
export const IDENTITY_COLUMNS = ['ID number', 'Email address', 'Username'];
/** Where a team is usually found when --group-by does not say: NHS sites fill Department from ESR. */
export const DEFAULT_GROUP_COLUMNS = ['Department', 'Institution'];

export const normHeader = (header: string) => header.trim().toLowerCase();

export function headerFinder(header: readonly string[]): (name: string) => number {
  return (name) => header.findIndex((h) => normHeader(h) === normHeader(name));
}

/** The column that keys a learner, or `nameCol` when none of the identity fields is shown. */
export function identityColumn(header: readonly string[], nameCol: number): number {
  const find = headerFinder(header);
  return IDENTITY_COLUMNS.map(find).find((i) => i >= 0) ?? nameCol;
}

/** The team column: --group-by's (which must exist), "none" for no grouping, else Department or Institution. */
export function groupColumn(header: readonly string[], groupBy: string | undefined, file: string): number {
  if (groupBy === 'none') return -1;
  const find = headerFinder(header);
  if (groupBy !== undefined) {
    const col = find(groupBy);
    if (col < 0) throw new InputError(`${file}: --group-by "${groupBy}" is not one of its columns, which are: ${header.map((h) => `"${h.trim()}"`).join(', ')}`);
    return col;
  }
  return DEFAULT_GROUP_COLUMNS.map(find).find((i) => i >= 0) ?? -1;
}
