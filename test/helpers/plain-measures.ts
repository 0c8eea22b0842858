import type { PageMeasures } from '../../shared/ports/page-cleaner.js';

/** What a cleaner measures on a plain page: grey, evenly lit, clean, no page edge found in a photo. */
export const plainMeasures = (spread: boolean): PageMeasures => ({
  colour: false,
  bilevel: false,
  xHeight: 20,
  unevenLight: 0,
  speckle: 0,
  pageFound: false,
  spread,
});
