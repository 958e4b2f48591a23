// What in a story points at a person, placed in its text. The backend marks each finding by UTF-8
// byte offsets (Rust strings are bytes); a JS string counts UTF-16 units, so "Één" would put every
// mark after it two places off. The offsets are therefore applied to the text's UTF-8 bytes and
// each piece decoded back. The title's findings come first, their offsets into the title; then the
// text's, into the text.
import type { Finding, Story } from '../../api/bindings';

/** A piece of a title or text: plain, or the finding it is. */
export type Piece = { text: string; finding: Finding | null };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Whether `bytes` hold `finding.found` at its offsets. */
function holds(bytes: Uint8Array, finding: Finding): boolean {
  return finding.start <= finding.end && finding.end <= bytes.length && decoder.decode(bytes.subarray(finding.start, finding.end)) === finding.found;
}

/**
 * The story's findings split into those in the title and those in the text. The title's come first
 * and in order, each found at its offsets in the title; the first that is not (or starts before the
 * one before it ended) begins the text's.
 */
export function findingsOf(story: Pick<Story, 'title' | 'findings'>): { inTitle: Finding[]; inText: Finding[] } {
  const title = encoder.encode(story.title);
  let count = 0;
  let end = 0;
  for (const finding of story.findings) {
    if (finding.start < end || !holds(title, finding)) break;
    end = finding.end;
    count += 1;
  }
  return { inTitle: story.findings.slice(0, count), inText: story.findings.slice(count) };
}

/**
 * `source` cut into plain pieces and marked ones, in order. A finding whose offsets do not hold what
 * it found there (or overlap the one before) is left unmarked: the list beside the text still names it.
 */
export function pieces(source: string, findings: Finding[]): Piece[] {
  const bytes = encoder.encode(source);
  const out: Piece[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || !holds(bytes, finding)) continue;
    if (finding.start > at) out.push({ text: decoder.decode(bytes.subarray(at, finding.start)), finding: null });
    out.push({ text: decoder.decode(bytes.subarray(finding.start, finding.end)), finding });
    at = finding.end;
  }
  if (at < bytes.length || out.length === 0) out.push({ text: decoder.decode(bytes.subarray(at)), finding: null });
  return out;
}
