// scorm-again's subpath types declare a default export, but its ESM files export the class by name
// (see shared/research/runtime-libs.md §1, "Packaging defects"): describe them as they really are.
declare module 'scorm-again/scorm12' {
  export { Scorm12API } from 'scorm-again';
}
declare module 'scorm-again/scorm2004' {
  export { Scorm2004API } from 'scorm-again';
}
