/** UK postcode parsing for search: full postcodes ("EC3A 5DE") and outward codes ("EC3A"). */
const FULL = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;

export function compactPostcode(value: string): string {
  return value.toUpperCase().replace(/\s+/g, "");
}

/** Outward code of a full postcode, or null when the value is not a postcode. */
export function outwardCode(value: string): string | null {
  const compact = compactPostcode(value);
  return FULL.test(compact) ? compact.slice(0, -3) : null;
}

export type PostcodeQuery = { kind: "full"; compact: string } | { kind: "outward"; outward: string };

export function parsePostcodeQuery(value: string): PostcodeQuery | null {
  const compact = compactPostcode(value);
  if (FULL.test(compact)) return { kind: "full", compact };
  if (OUTWARD.test(compact)) return { kind: "outward", outward: compact };
  return null;
}
