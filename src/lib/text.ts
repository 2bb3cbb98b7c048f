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
