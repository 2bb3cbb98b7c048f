/**
 * The codes the data uses for areas of need, types of need (DfE school census) and canonical
 * tiers, with the plain-English labels the API and pages show for them.
 */
export const AREA_LABELS = {
  WS: "Whole setting: expected for every pupil",
  CI: "Communication and interaction",
  CL: "Cognition and learning",
  SEMH: "Social, emotional and mental health",
  SP: "Sensory and/or physical",
} as const;

export type AreaCode = keyof typeof AREA_LABELS;
export const AREA_CODES = Object.keys(AREA_LABELS) as [AreaCode, ...AreaCode[]];

/** DfE school census "type of SEN" codes. */
export const SUB_NEED_LABELS = {
  SLCN: "Speech, language and communication needs",
  ASD: "Autism",
  SPLD: "Specific learning difficulty (such as dyslexia)",
  MLD: "Moderate learning difficulty",
  SLD: "Severe learning difficulty",
  PMLD: "Profound and multiple learning difficulty",
  SEMH: "Social, emotional and mental health",
  HI: "Hearing impairment",
  VI: "Vision impairment",
  MSI: "Multi-sensory impairment",
  PD: "Physical disability",
  OTH: "Other difficulty or disability",
  NSA: "SEN support without a specialist assessment of the type of need",
} as const;

export type SubNeedCode = keyof typeof SUB_NEED_LABELS;
export const SUB_NEED_CODES = Object.keys(SUB_NEED_LABELS) as [SubNeedCode, ...SubNeedCode[]];

export const TIER_DESCRIPTIONS = {
  whole_setting: "What the whole school or setting should have in place.",
  universal: "Good everyday teaching that every pupil should get, with or without a diagnosis.",
  universal_plus: "Small changes to everyday teaching for pupils who need a little more.",
  targeted: "Extra help for some pupils, planned and reviewed with the family (often called SEN support).",
  targeted_plus: "More intensive extra help, often with advice from specialists.",
  specialist: "Help that needs specialist staff or services, sometimes beyond what a school provides from its own budget.",
} as const;

export type CanonicalTier = keyof typeof TIER_DESCRIPTIONS;
export const CANONICAL_TIER_CODES = Object.keys(TIER_DESCRIPTIONS) as [CanonicalTier, ...CanonicalTier[]];
