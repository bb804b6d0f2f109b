import { describe, expect, it } from 'vitest';
import { sameClaim } from '../../../src/core/retrieve/similarity.ts';

describe('telling when two sentences make the same claim', () => {
  it('folds two outlets’ wording of the same report', () => {
    expect(
      sameClaim(
        'The transport minister has said she has serious concerns about the harbour expansion.',
        'Transport minister Maria Lopez has expressed serious concerns about the expansion of the harbour.',
      ),
    ).toBe(true);
  });

  it('keeps apart two sentences about the same people that say different things', () => {
    expect(
      sameClaim('Maria Lopez approved the harbour expansion on Monday.', 'Maria Lopez was sacked after the harbour vote was leaked.'),
    ).toBe(false);
  });
});
