import { PLACES_ATTRIBUTION } from '../analysis/places.js';

/** Data the analysis is built on, credited wherever its results are shown (dashboard, digests). */
export const DATA_ATTRIBUTIONS = [
  PLACES_ATTRIBUTION,
  'Sentiment weights learned from SmSA (IndoNLU, Wilie et al., AACL 2020; MIT licence).',
];
