// A story's findings placed by their UTF-8 byte offsets, not by the JS string's UTF-16 indices:
// letters with accents and emoji before a finding, the title's findings told from the text's.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/bindings';
import { findingsOf, pieces } from './findings';

const RIA: Finding = { kind: 'name', found: 'Ria', start: 17, end: 20 };
const PHONE: Finding = { kind: 'phone', found: '06-12345678', start: 21, end: 32 };

describe('pieces', () => {
  it('marks by byte offsets: "Één" is three letters but five bytes', () => {
    const text = 'Één keer belde Ria 06-12345678 om te zeggen dat het goed ging.';
    // In UTF-16 "Ria" starts at 15; in UTF-8 at 17.
    expect(text.indexOf('Ria')).toBe(15);
    expect(pieces(text, [RIA, PHONE])).toEqual([
      { text: 'Één keer belde ', finding: null },
      { text: 'Ria', finding: RIA },
      { text: ' ', finding: null },
      { text: '06-12345678', finding: PHONE },
      { text: ' om te zeggen dat het goed ging.', finding: null },
    ]);
  });

  it('counts an emoji as four bytes and two UTF-16 units', () => {
    const text = '😀 Bel 06-12345678';
    const phone: Finding = { kind: 'phone', found: '06-12345678', start: 9, end: 20 };
    expect(pieces(text, [phone]).map((p) => [p.text, p.finding?.kind ?? null])).toEqual([
      ['😀 Bel ', null],
      ['06-12345678', 'phone'],
    ]);
  });

  it('leaves a finding unmarked when its offsets do not hold it, and a text without findings whole', () => {
    expect(pieces('Ria belde.', [{ kind: 'name', found: 'Ria', start: 2, end: 5 }])).toEqual([{ text: 'Ria belde.', finding: null }]);
    expect(pieces('Een gezin.', [])).toEqual([{ text: 'Een gezin.', finding: null }]);
    expect(pieces('', [])).toEqual([{ text: '', finding: null }]);
  });
});

describe('findingsOf', () => {
  it("tells the title's findings (first, offsets into the title) from the text's", () => {
    const inTitle: Finding = { kind: 'name', found: 'Ria', start: 11, end: 14 };
    const story = { title: 'Bellen met Ria', findings: [inTitle, RIA, PHONE] };
    expect(findingsOf(story)).toEqual({ inTitle: [inTitle], inText: [RIA, PHONE] });
  });

  it('puts a finding that starts again at the front in the text, even when the title has the same there', () => {
    const inTitle: Finding = { kind: 'name', found: 'Ria', start: 0, end: 3 };
    const again: Finding = { kind: 'name', found: 'Ria', start: 0, end: 3 };
    expect(findingsOf({ title: 'Ria belt', findings: [inTitle, again] })).toEqual({ inTitle: [inTitle], inText: [again] });
  });

  it('gives every finding to the text when the title has none', () => {
    expect(findingsOf({ title: 'Samen bellen', findings: [RIA, PHONE] })).toEqual({ inTitle: [], inText: [RIA, PHONE] });
  });
});
