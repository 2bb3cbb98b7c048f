/**
 * Text folding shared by storage and queries, so "Prévert", "prevert" and "PREVERT" meet,
 * as do "St. Helens" and "St Helens", and curly and straight apostrophes.
 */
export function foldText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`']/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function slugify(value: string): string {
  return foldText(value).replace(/ /g, "-");
}

/**
 * Percent-escapes decoded for reading a URL as words ("ordinarily%20available" → "ordinarily
 * available"). Unlike `decodeURIComponent` it never throws: an escape that is malformed or not
 * UTF-8 ("100%-inclusion", "%E0%A4%A") is left as written, since pages do link such addresses.
 */
export function decodeUrlText(value: string): string {
  return value.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * An email address written out. The look-behind starts a match only where a run of address
 * characters starts: without it, text with no "@" ("a.a.a.…") was scanned again from each of
 * its characters, which took seconds for a few tens of kilobytes.
 */
export const EMAIL_ADDRESS = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/;
