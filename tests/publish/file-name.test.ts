import { describe, expect, it } from 'vitest';
import { titleSlug } from '../../src/publish/file-name.js';

describe('titleSlug', () => {
  it('is lower-case ASCII words joined by dashes', () => {
    expect(titleSlug('Europe Drafts Plans for a Reassurance Force in Ukraine')).toBe(
      'europe-drafts-plans-for-a-reassurance-force-in-ukraine',
    );
    expect(titleSlug("U.S. presses Kyiv's envoys: Zürich, São Paulo & Łódź")).toBe(
      'us-presses-kyivs-envoys-zurich-sao-paulo-lodz',
    );
  });

  it('never leaves the folder, and is never empty', () => {
    expect(titleSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(titleSlug('/absolute\\windows\\path')).toBe('absolute-windows-path');
    expect(titleSlug('北京')).toBe('briefing');
    expect(titleSlug('...')).toBe('briefing');
  });

  it('keeps to about 60 characters, cut between words', () => {
    const slug = titleSlug(
      'A very long headline about the negotiations between many delegations over many days in Berlin',
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('a-very-long-headline-about-the-negotiations-between-many');
    expect(titleSlug('x'.repeat(100))).toBe('x'.repeat(60));
  });
});
