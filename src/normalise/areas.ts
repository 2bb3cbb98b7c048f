/**
 * Areas of need and sub-needs. LAs word the four SEND Code of Practice areas in many ways
 * ("Sensory and/or physical", "Physical and sensory", "SEMH difficulties"); these patterns map
 * their labels to the canonical codes, and sub-need labels to DfE school census SEN types.
 */
import type { AREAS } from "../db/schema";

export type Area = (typeof AREAS)[number];

const AREA_PATTERNS: Array<[Area, RegExp]> = [
  ["CI", /\bcommunication\s*(and|&)\s*interaction\b|\bc\s*&\s*i\b|\blanguage and communication needs\b/i],
  ["CL", /\bcognition\s*(and|&)\s*learning\b|\bc\s*&\s*l\b/i],
  ["SEMH", /\bsocial,?\s*((and|&)\s+)?emotional,?\s*((and|&)\s+)?mental\s+health\b|\bsemh\b/i],
  ["SP", /\bsensory\s*(and\/or|and|or|&)\s*physical\b|\bphysical\s*(and\/or|and|or|&)\s*sensory\b|\bp\s*&\s*s\b|\bhearing and vision\b/i],
  [
    "WS",
    /\bexpectations?\s+(of|for)\s+(all|every)\b|\bwhole[-\s](school|setting|class)\b|\b(all|every)\s+(settings?|schools?)\s+(should|must|will)\b|\bexpected of (all|every)\b|\bexpectations of all settings\b/i,
  ],
];

/** The area a heading or label names outright, if any. */
export function areaOf(label: string): Area | null {
  for (const [area, pattern] of AREA_PATTERNS) if (pattern.test(label)) return area;
  return null;
}

/** DfE school census SEN type codes. */
export const SUB_NEED_CODES = ["SLCN", "ASD", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "OTH"] as const;
export type SubNeedCode = (typeof SUB_NEED_CODES)[number];

/** Order matters: the more specific label wins ("social communication" before "communication"). */
const SUB_NEED_PATTERNS: Array<[SubNeedCode, Area, RegExp]> = [
  ["ASD", "CI", /\bautis|\bsocial communication\b|\basc\b|\basd\b/i],
  ["SLCN", "CI", /\bspeech\b|\blanguage\b.*\bcommunication\b|\bslcn\b|\bdevelopmental language\b|\bselective mutism\b|\bstammer/i],
  ["PMLD", "CL", /\bprofound and multiple\b|\bpmld\b/i],
  ["SLD", "CL", /\bsevere learning\b|\bsld\b/i],
  ["SPLD", "CL", /\bspecific learning\b|\bspld\b|\bdyslexi|\bdyscalcul|\bdyspraxi|\bcoordination disorder\b/i],
  ["MLD", "CL", /\b(general|moderate|global|complex) learning\b|\bmld\b|\blearning difficult(y|ies)\b/i],
  ["MSI", "SP", /\bmulti-?sensory impair|\bdeafblind|\bmsi\b/i],
  ["HI", "SP", /\bhearing\b|\bdeaf\b/i],
  ["VI", "SP", /\bvision\b|\bvisual(ly)? impair|\bsight\b|\bvi\b/i],
  ["PD", "SP", /\bphysical\b(?!\s*(and|&)\s*sensory)|\bmotor\b|\bmedical\b|\bmobility\b/i],
  ["SEMH", "SEMH", /\banxi|\bemotional wellbeing\b|\bwellbeing\b|\battention\b|\bself-regulation\b|\badhd\b|\bmental health\b|\battachment\b|\btrauma\b|\bmood\b/i],
];

export interface SubNeed {
  /** As the LA wrote it. */
  label: string;
  code: SubNeedCode;
  area: Area;
}

/**
 * The census SEN type a sub-need label names, or null. A label that names a whole area
 * ("Social, emotional and mental health") is an area, not a sub-need.
 */
export function subNeedOf(label: string): SubNeed | null {
  const text = label.trim();
  if (!text || text.length > 80) return null;
  const area = areaOf(text);
  // "Speech, language and communication needs" names a sub-need even though its words overlap an area label.
  if (area && !/\(|,\s*including\b|\bspeech\b/i.test(text)) return null;
  for (const [code, codeArea, pattern] of SUB_NEED_PATTERNS) {
    if (pattern.test(text)) return { label: text, code, area: codeArea };
  }
  return null;
}
