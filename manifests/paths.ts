// Paths inside a package and the hrefs that point at them. A package must be self-contained and unpack safely
// anywhere, so every path is relative, forward-slashed and stays below the package root (ADL CTS: no backslashes, no
// leading slash; zip-slip: no ".."); the course ships no network dependency, so no remote URLs either.

/** Why a package path (a zip entry name, or a decoded href) is unsafe, or null when it is fine. */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.includes('\\')) return 'contains a backslash';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'contains a control character';
  if (path.startsWith('//')) return 'is a network-path reference (starts with //)';
  if (path.startsWith('/')) return 'is absolute (starts with /)';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) return 'is an absolute URL, not a path inside the package';
  if (path.split('/').some((segment) => segment === '..')) return 'climbs out of its folder with ".."';
  return null;
}

/** Why an href attribute value (or cmi5 url, tincan launch) cannot point inside the package, or null. */
export function unsafeHrefReason(href: string): string | null {
  const path = stripQueryAndFragment(href);
  const raw = unsafePathReason(path);
  if (raw) return raw;
  const decoded = decodeHref(href);
  if (decoded === null) return 'has a malformed %-escape';
  // "%2e%2e/" and "%5c" are the same traversal as "../" and "\" once a server decodes them.
  return decoded === path ? null : unsafePathReason(decoded);
}

/** The href for a package path: each segment %-encoded, so spaces, '#', '?' and ':' cannot change its meaning. */
export function hrefForPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The package path an href names (query and fragment dropped, %-escapes decoded), or null if it cannot be decoded. */
export function decodeHref(href: string): string | null {
  try {
    return decodeURIComponent(stripQueryAndFragment(href));
  } catch {
    return null;
  }
}

function stripQueryAndFragment(href: string): string {
  const cut = href.search(/[?#]/);
  return cut === -1 ? href : href.slice(0, cut);
}
