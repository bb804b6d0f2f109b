import type { Gender } from './honorifics.ts';

/*
 * Nouns for a person that say the person's gender: kinship ("widow", "niece"), roles with a
 * gendered form ("chairwoman", "actress") and plain "woman"/"man". General English, lower case,
 * singular: news puts them before a name ("9/11 widow Jane Doe") or in apposition after it
 * ("Jane Doe, a mother of three,"), and what the text says outweighs a list of given names.
 */
const FEMALE = `woman girl lady mother mom mum grandmother grandma stepmother daughter granddaughter stepdaughter
  sister stepsister aunt niece wife widow bride fiancee girlfriend matriarch actress waitress hostess heiress
  chairwoman congresswoman spokeswoman businesswoman councilwoman assemblywoman alderwoman
  sportswoman stateswoman policewoman anchorwoman frontwoman countrywoman horsewoman committeewoman
  queen princess duchess countess empress baroness nun abbess
  housewife grandmother-in-law mother-in-law daughter-in-law sister-in-law`;
const MALE = `man boy gentleman father dad grandfather grandpa stepfather son grandson stepson brother stepbrother
  uncle nephew husband widower groom fiance boyfriend patriarch
  chairman congressman spokesman businessman councilman assemblyman alderman sportsman statesman
  policeman anchorman frontman countryman horseman committeeman
  king prince duke emperor baron monk abbot
  father-in-law son-in-law brother-in-law`;

function genderedOf(words: string, gender: Gender): [string, Gender][] {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [word, gender]);
}

/** Gendered person nouns, lower-cased, with the gender they give whoever they describe. */
export const GENDERED_NOUNS: ReadonlyMap<string, Gender> = new Map<string, Gender>([...genderedOf(FEMALE, 'female'), ...genderedOf(MALE, 'male')]);
