// A package is exactly the player files its standard needs, the course's declared media, and the files the build
// makes (config.js, the descriptor and its schema files, the accessibility statement, the variant's logo). Each part
// comes with where it came from, and no two parts may give the same path, nor paths an LMS on a case-insensitive or
// normalising file system would extract to one file: one part silently replacing another (a course file standing in
// for the player's index.html) is refused, naming both sources.

export interface PackagePart {
  /** Where these files come from, in words that lead to the fix, e.g. "course/content/course.json: /film/transcript". */
  origin: string;
  files: ReadonlyMap<string, Uint8Array>;
}

export interface PathClash {
  path: string;
  otherPath: string;
  origin: string;
  otherOrigin: string;
}

/** The key two paths share when an LMS's file system would store them as one file. */
export function extractedName(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Every clash between the parts (and inside one), in the order met. */
export function findClashes(parts: readonly PackagePart[]): PathClash[] {
  const seen = new Map<string, { path: string; origin: string }>();
  const clashes: PathClash[] = [];
  for (const { origin, files } of parts) {
    for (const path of files.keys()) {
      const key = extractedName(path);
      const earlier = seen.get(key);
      if (earlier) clashes.push({ path, otherPath: earlier.path, origin, otherOrigin: earlier.origin });
      else seen.set(key, { path, origin });
    }
  }
  return clashes;
}

/** One line per clash, naming both sources. */
export function describeClash(clash: PathClash): string {
  const same = clash.path === clash.otherPath;
  return same
    ? `${clash.origin}: "${clash.path}" is also a file of ${clash.otherOrigin}; one would replace the other in the package`
    : `${clash.origin}: "${clash.path}" and "${clash.otherPath}" (${clash.otherOrigin}) differ only in letter case or Unicode form, so an LMS on Windows or macOS would extract them as one file`;
}

/** The parts as one path → bytes map (the caller has found no clashes). */
export function mergeParts(parts: readonly PackagePart[]): Map<string, Uint8Array> {
  const merged = new Map<string, Uint8Array>();
  for (const { files } of parts) for (const [path, bytes] of files) merged.set(path, bytes);
  return merged;
}
