/**
 * Splits a bullet into its atomic provision items. LAs bundle strategies in one bullet
 * ("Offer sensory adjustments, e.g. ear defenders, a choice of seating and movement breaks");
 * each example becomes its own part, after the lead clause, so each can be matched to the
 * vocabulary. The statement always keeps its raw text; splitting never loses words that
 * matter, it only drops the joining words ("e.g.", "such as", "and", articles).
 */

const EXAMPLE_MARKER = /[,;:]?\s*(?:\(\s*)?\b(?:e\.\s?g\.?|eg\.?|for example|for instance|such as|including|like)(?=[\s:,])[:,]?\s*/i;
const ARTICLE = /^(?:a|an|the|some|any|using|use of|access to)\s+/i;
const LIST_SEPARATOR = /\s*(?:;|,(?!\d)|\/(?=\s))\s*/;
const FINAL_CONJUNCTION = /\s+(?:and|or|and\/or|as well as|plus)\s+/i;

// Starts only where a run starts: matched from each of its characters, a long run that does not
// reach the end (". . . . b") was scanned once per character.
const TRAILING_PUNCTUATION = /(?<![\s.;:,)])[\s.;:,)]+$/;

function clean(part: string): string {
  return part
    .replace(/^[\s•·\-–—*]+/, "")
    .replace(/\s*\betc\.?\s*$/i, "")
    .replace(TRAILING_PUNCTUATION, "")
    .replace(/^\(+/, "")
    .trim();
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "A, B and C" → [A, B, C]; a single phrase stays whole. */
function splitList(text: string): string[] {
  const pieces = text.split(LIST_SEPARATOR).flatMap((piece, i, all) =>
    // Only the last comma-separated piece carries the "and"/"or" of the list.
    i === all.length - 1 ? piece.split(FINAL_CONJUNCTION) : [piece],
  );
  return pieces.map((p) => clean(p).replace(ARTICLE, "")).filter((p) => p.length > 1);
}

/**
 * Takes a statement's text as cleanStatementText leaves it, spaces collapsed: several patterns
 * here start with `\s*`, and on a long run of raw spaces they would rescan it from each space.
 */
export function splitStatement(text: string): string[] {
  const body = clean(text);
  const marker = body.match(EXAMPLE_MARKER);
  if (marker && marker.index !== undefined && marker.index > 0) {
    const head = clean(body.slice(0, marker.index));
    let tail = body.slice(marker.index + marker[0].length);
    // A bracketed example list ends at its closing bracket; what follows belongs to the head.
    let after = "";
    if (marker[0].includes("(")) {
      const close = tail.indexOf(")");
      if (close >= 0) {
        after = clean(tail.slice(close + 1));
        tail = tail.slice(0, close);
      }
    }
    const examples = splitList(tail);
    const parts = [wordCount(head) >= 2 ? `${head}${after ? ` ${after}` : ""}` : "", ...examples].filter(Boolean);
    return parts.length ? parts : [body];
  }
  // A bare list of short items ("Sloping board, writing slope or adapted keyboard").
  if (/,/.test(body)) {
    const items = splitList(body);
    if (items.length >= 2 && items.every((item) => wordCount(item) <= 4)) return items;
  }
  return body ? [body] : [];
}
