import { RANKED_SYLLABLES } from './common-syllables.js';
import { DOMAIN_PHRASES } from './domain-phrases.js';
import { GENERAL_PHRASES } from './general-phrases.js';
import { buildWordModel, type WordModel, type WordSource } from './word-model.js';

/**
 * The word model of commune reports: the ranked syllables and the domain phrases shipped here,
 * plus whatever the caller knows (the unit registry's names, the indicator catalogue's labels).
 */
export function domainWordModel(extra: WordSource[] = []): WordModel {
  return buildWordModel(RANKED_SYLLABLES, [
    { phrases: DOMAIN_PHRASES, weight: 1 },
    { phrases: GENERAL_PHRASES, weight: 1 },
    ...extra,
  ]);
}
