/**
 * Sentence-level signals: the specificity checks the rubric asks for (frequencies,
 * durations, group sizes, named people and roles, contact routes, links, dates, numbers,
 * impact data, named services) and the vagueness signals (hedges, aims, deflection to other
 * documents, restating a duty). Each is a named pattern so item rules in rubric.ts can refer
 * to it by name and reasons can say what was or was not found.
 */
import { execAll } from "../lib/exec-all";
import { EMAIL_ADDRESS } from "../lib/text";

const NUM = "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|sixty)";
const PERIOD = "(?:day|morning|afternoon|lunchtime|week|fortnight|month|term|half[- ]term|year|lesson|session|block)";
const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?";
const MONTH =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";

export const SIGNAL_PATTERNS = {
  /** How often: "termly", "every six weeks", "every six to eight weeks", "twice a week", "three 20-minute sessions a week". */
  frequency: new RegExp(
    [
      "\\b(?:daily|weekly|fortnightly|monthly|termly|half[- ]termly|twice[- ]yearly|annually|yearly)\\b",
      `\\bevery\\s+(?:${PERIOD}|${WEEKDAY}|other ${PERIOD}|${NUM}(?:\\s*(?:to|or|-|–)\\s*${NUM})?\\s+(?:${PERIOD})s?)\\b`,
      `\\beach\\s+(?:${PERIOD}|${WEEKDAY})\\b`,
      `\\b(?:once|twice|${NUM}\\s+times)\\s+(?:a|per|each|every)\\s+(?:${PERIOD})\\b`,
      `\\b${NUM}\\s+(?:\\d+[- ]minute\\s+)?(?:sessions?|lessons?|days?|visits?|meetings?|mornings?|afternoons?)\\s+(?:a|per|each|every)\\s+(?:${PERIOD})\\b`,
      `\\bon\\s+${WEEKDAY}\\b`,
      "\\bthree times a year\\b",
      `\\b(?:in|during|each)\\s+the\\s+(?:autumn|spring|summer)(?:\\s+and\\s+(?:autumn|spring|summer))?\\s+terms?\\b`,
    ].join("|"),
    "gi",
  ),
  /** How long: "20 minutes", "a 30-minute session", "for six weeks", "for a term". */
  duration: new RegExp(
    [
      `\\b${NUM}[- ]?(?:minutes?|mins?|hours?|hrs?)\\b`,
      `\\bfor\\s+(?:a|one|${NUM})\\s+(?:weeks?|terms?|half[- ]terms?|months?|${PERIOD}s?)\\b`,
      `\\b${NUM}[- ]week\\s+(?:block|programme|course|group|cycle)\\b`,
    ].join("|"),
    "gi",
  ),
  /** By when: "within five school days", "within 20 working days". */
  timescale: new RegExp(`\\bwithin\\s+(?:${NUM}|a)\\s+(?:school\\s+|working\\s+|calendar\\s+)?(?:days?|weeks?|months?|terms?)\\b`, "gi"),
  /** Group size: "groups of 4", "one-to-one", "1:1", "pairs". */
  groupSize: new RegExp(`\\bgroups?\\s+of\\s+(?:up\\s+to\\s+)?${NUM}\\b|\\bone[- ]to[- ]one\\b|\\b1[:\\-]1\\b|\\bin\\s+pairs\\b|\\bup\\s+to\\s+${NUM}\\s+(?:children|pupils|students)\\b`, "gi"),
  /** Counts and shares: "41 of our 208 pupils", "19.7%", "eight parents". */
  quantity: new RegExp(
    `\\b\\d+(?:\\.\\d+)?\\s?%|\\b${NUM}\\s+(?:of\\s+(?:our|the)\\s+\\d+\\s+)?(?:pupils|children|students|young people|parents|families|staff|teachers|teaching assistants|TAs|learning support assistants|days|sessions|places)\\b`,
    "gi",
  ),
  /** A person named with a title: "Mrs Hannah Dorey", "Mr Okafor", "Dr S. Merriman". */
  namedPerson: /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z]\.?\s*)*[A-Z][a-z'’-]+(?:[- ][A-Z][a-z'’-]+)?/g,
  email: new RegExp(EMAIL_ADDRESS.source, "g"),
  /** UK phone numbers, with or without spaces or an extension. */
  phone: /(?<![\d])(?:\+44\s?|0)(?:\d\s?){9,10}(?![\d])|(?<![\d])0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}(?![\d])/g,
  /** A web address written out. */
  webAddress: /\bhttps?:\/\/[^\s<>"')]+|\bwww\.[^\s<>"')]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|gov|sch|nhs|ac|co|com|net)(?:\.uk)?\/[^\s<>"')]*/gi,
  /** A calendar date or academic year: "15 September 2025", "June 2025", "2024-25", "2025/26". */
  date: new RegExp(
    `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\.?\\s+(?:19|20)\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.](?:19|20)?\\d{2}\\b|\\b(?:19|20)\\d{2}\\s?[-–/]\\s?(?:19|20)?\\d{2}\\b|\\b(?:autumn|spring|summer)\\s+(?:term\\s+)?(?:19|20)\\d{2}\\b`,
    "gi",
  ),
  /** A year group or key stage: when in a pupil's school life something happens. */
  schoolTime: /\b(?:year|yr)\s?(?:1[0-4]|[1-9])\b|\breception\b|\bkey stage\s?[1-5]\b|\bKS[1-5]\b|\bpost-16\b|\bsixth form\b/gi,
  /** Something that happened or was found: "last year", "in 2024-25", "we bought", "gained an average". */
  pastResults: new RegExp(
    `\\b(?:last|in the last|during the last)\\s+(?:academic\\s+)?(?:year|term|summer|spring|autumn)\\b|\\bin\\s+(?:${MONTH}\\s+)?(?:19|20)\\d{2}(?:\\s?[-–/]\\s?\\d{2,4})?\\b|\\b(?:gained|achieved|improved|met|made|rose|fell|increased|reduced|stopped|replaced|bought|purchased|completed|attended|trained)\\b[^.]{0,60}\\b(?:\\d+|average|per cent|%)`,
    "gi",
  ),
  /** Health, care, council and voluntary services named as such. */
  namedService: new RegExp(
    [
      "\\beducational psycholog(?:y|ist|ists)\\b",
      "\\bspeech and language therap(?:y|ist|ists)\\b",
      "\\bSaLT\\b|\\bSALT\\b",
      "\\boccupational therap(?:y|ist|ists)\\b",
      "\\bphysiotherap(?:y|ist|ists)\\b",
      "\\bCAMHS\\b|\\bChild and Adolescent Mental Health Services?\\b",
      "\\bMental Health Support Team\\b|\\bMHST\\b",
      "\\bschool nurs(?:e|es|ing)\\b",
      "\\bhealth visitors?\\b",
      "\\bpaediatrician\\b|\\bcommunity paediatric",
      "\\bEarly Help\\b",
      "\\bVirtual School\\b",
      "\\bteachers? of the deaf\\b|\\bqualified teachers? of (?:the )?(?:deaf|visually impaired)\\b",
      "\\b(?:sensory|hearing|visual|vision) (?:impairment |support )?(?:service|team)\\b",
      "\\b(?:autism|ASC|communication and autism) (?:outreach )?(?:team|service)\\b",
      "\\bspecialist teach(?:er|ing) (?:service|team)\\b",
      "\\boutreach (?:service|team|advice|support)\\b",
      "\\bChildren['’]s Social Care\\b|\\bsocial workers?\\b",
      "\\b[A-Z][a-z]+(?: [A-Z][a-z'’]+){0,4} (?:Service|Team|Clinic|Centre)\\b",
    ].join("|"),
    "g",
  ),
  /**
   * Named pastoral and specialist roles. Not tutors or heads of year: every secondary school has
   * them, so naming them says nothing about the support a pupil with SEN gets.
   */
  namedRole: new RegExp(
    [
      "\\bELSA\\b|\\bEmotional Literacy Support Assistant\\b",
      "\\blearning mentors?\\b",
      "\\b(?:school )?counsell?ors?\\b",
      "\\bfamily support (?:worker|officer|lead)s?\\b",
      "\\bpastoral (?:support )?(?:officer|lead|leader|manager|worker|assistant|team)s?\\b",
      "\\bstudent support officers?\\b",
      "\\bmental health (?:lead|champion|first aider)s?\\b",
      "\\bkey workers?\\b",
      "\\bhome[- ]school link workers?\\b",
      "\\bplay therapists?\\b",
      "\\bnurture (?:lead|teacher|practitioner)s?\\b",
      "\\bDesignated (?:Teacher|Safeguarding Lead)\\b",
      "\\bcareers (?:adviser|advisor|lead|leader)s?\\b",
      "\\bAssistant SENCO\\b|\\bAssistant SENDCo\\b",
    ].join("|"),
    "gi",
  ),
} as const;

export type SignalName = keyof typeof SIGNAL_PATTERNS;

/** Hedged or aspirational wording (V2). */
export const HEDGE =
  /\b(?:may|might|could)\b|\bwhere(?:ver)? (?:possible|appropriate|necessary|needed|required|relevant)\b|\b(?:as|when|if) (?:appropriate|necessary|needed|required)\b|\bwhen (?:it is )?(?:felt )?(?:appropriate|needed)\b|\bregular(?:ly)?\b|\baims? to\b|\bstrives?\b|\bendeavou?rs?\b|\bcommitted to\b|\bseeks? to\b|\bshould be\b|\bat times\b|\bfrom time to time\b|\bdo (?:our|its) best\b/gi;

/** Generic quantifiers standing in for names (V3): "a range of", "various", "outside agencies". */
export const GENERIC =
  /\b(?:a (?:wide |broad |full )?range of|a variety of|various|a number of|a host of|wide range of)\b|\boutside agencies\b|\bexternal (?:agencies|professionals)\b|\brelevant (?:training|professionals|information)\b|\bappropriate (?:support|provision|training)\b/gi;

/** Pointing elsewhere instead of answering (V10). */
export const DEFLECTION =
  /\b(?:please )?(?:see|refer to|read|consult)\s+(?:our|the)\s+(?:[\w'’]+\s+){0,4}(?:policy|policies|procedure|plan|website|code of practice|page)\b|\b(?:in line with|under|set out in|in accordance with|as set out in|handled under|follow(?:s|ing)?)\s+(?:our|the)\s+(?:[\w'’]+\s+){0,4}(?:policy|policies|procedure|procedures)\b|\bavailable (?:on request|from the (?:school )?office)\b/gi;

/** Restating a statutory duty instead of saying what is done (V12). */
export const DUTY_RESTATEMENT =
  /\b(?:takes?|are taken|will take) (?:all )?(?:reasonable )?steps to (?:ensure|make sure|prevent)\b|\bnot (?:be )?treated less favourably\b|\b(?:make|makes|will make|are made|will be made) reasonable adjustments\b|\bis (?:fully |fully wheelchair )?accessible\b|\bhas reasonable access\b|\bequality of opportunity\b|\bnot (?:be )?disadvantaged\b/gi;

/** Vision and values statements with no facts (V1): used for the generic-statement density. */
export const ASPIRATION =
  /\b(?:we believe|we value|we recognise|we are (?:an? )?(?:inclusive|caring)|is (?:very )?important to us|at the heart of|full potential|every child is (?:unique|special)|utmost importance|our door is always open|we want (?:all|every))\b/gi;

export function has(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

export function allMatches(pattern: RegExp, text: string): string[] {
  return execAll(pattern, text).map((match) => match[0]);
}

/** Phrases that name the annual review meeting, so "annual" is not read as a frequency. */
const TERMS_OF_ART = /\bannual reviews?\b|\bannual review meetings?\b/gi;

export function hasSignal(name: SignalName, text: string): boolean {
  return has(SIGNAL_PATTERNS[name], name === "frequency" ? text.replace(TERMS_OF_ART, "review") : text);
}
