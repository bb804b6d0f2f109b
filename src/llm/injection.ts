/**
 * Instructions planted in article text: the detector lives in the core (the extractive
 * composers skip such sentences too); the checker and the prompt use it from here.
 */
export { isInstructionLike, withoutInstructions } from '../core/analyse/instruction-text.ts';
