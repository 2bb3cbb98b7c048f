/**
 * Phases of education. Canonical codes follow the notes (§6): EY (0-5), KS1, KS2, KS3, KS4
 * and P16 (16-25); "Primary" and "Secondary" are the key stages they cover.
 */
export const PHASES = ["EY", "KS1", "KS2", "KS3", "KS4", "P16"] as const;
export type Phase = (typeof PHASES)[number];

const PRIMARY: Phase[] = ["KS1", "KS2"];
const SECONDARY: Phase[] = ["KS3", "KS4"];

const PHASE_PATTERNS: Array<[RegExp, Phase[]]> = [
  [/\bearly[-\s]years?\b|\beyfs\b|\bnursery\b|\bpre-?school\b|\breception\b|\b0\s*(-|–|to)\s*5\b|\bunder[-\s]fives?\b/i, ["EY"]],
  [/\bpost[-\s]?16\b|\b16\s*(-|–|to)\s*25\b|\bfurther education\b|\bcolleges?\b|\bsixth[-\s]forms?\b/i, ["P16"]],
  [/\bks\s*1\s*(-|–|and|&)\s*(ks\s*)?2\b|\bkey stages? 1\s*(-|–|and|&)\s*2\b/i, PRIMARY],
  [/\bks\s*3\s*(-|–|and|&)\s*(ks\s*)?4\b|\bkey stages? 3\s*(-|–|and|&)\s*4\b/i, SECONDARY],
  [/\bks\s*1\b|\bkey stage 1\b/i, ["KS1"]],
  [/\bks\s*2\b|\bkey stage 2\b/i, ["KS2"]],
  [/\bks\s*3\b|\bkey stage 3\b/i, ["KS3"]],
  [/\bks\s*4\b|\bkey stage 4\b/i, ["KS4"]],
  [/\bprimary\b|\b5\s*(-|–|to)\s*11\b/i, PRIMARY],
  [/\bsecondary\b|\b11\s*(-|–|to)\s*16\b/i, SECONDARY],
  [/\b5\s*(-|–|to)\s*16\b/i, [...PRIMARY, ...SECONDARY]],
];

/** Phases a short label names ("Early years settings", "KS3-4", "Post-16"), in canonical order. */
export function phasesOf(label: string): Phase[] {
  const found = new Set<Phase>();
  let rest = label;
  for (const [pattern, phases] of PHASE_PATTERNS) {
    if (pattern.test(rest)) {
      phases.forEach((phase) => found.add(phase));
      rest = rest.replace(new RegExp(pattern.source, "gi"), " ");
    }
  }
  return PHASES.filter((phase) => found.has(phase));
}

/**
 * Phases a document says it covers, from its opening text: "every early years setting,
 * school and post-16 provider", "aged 0 to 25". "school(s)" on its own means primary and
 * secondary.
 */
export function documentPhasesOf(text: string): Phase[] {
  const found = new Set<Phase>(phasesOf(text));
  if (/\bschools?\b/i.test(text) && !/\b(primary|secondary)\b/i.test(text)) [...PRIMARY, ...SECONDARY].forEach((p) => found.add(p));
  if (/\b0\s*(-|–|to)\s*25\b/.test(text)) PHASES.forEach((p) => found.add(p));
  return PHASES.filter((phase) => found.has(phase));
}
