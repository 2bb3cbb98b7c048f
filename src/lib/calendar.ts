/**
 * The ISO date (YYYY-MM-DD) of a real calendar day, or null: "31/02/2026" and "2025-13-45"
 * are not dates, whatever a document writes. Both readers of stated dates (OAP documents and
 * SEN Information Reports) check through here, so neither stores a day that never was.
 */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone can shift it).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}
