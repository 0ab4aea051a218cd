// video.js ships no types for its core ESM entry; it is the same API as the package's main entry, minus streaming.
declare module 'video.js/core.es.js' {
  import videojs from 'video.js';
  export default videojs;
}
