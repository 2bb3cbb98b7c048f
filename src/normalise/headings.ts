/**
 * What a heading tells us about the statements under it: an area of need, a sub-need, a
 * tier, a phase, or that the section holds need descriptors, provision, or nothing to
 * extract (contents, glossary, contacts...). Headings nest, and a context stack carries
 * their meaning down to each list item or table row.
 */
import { areaOf, subNeedOf, type Area, type SubNeed } from "./areas";
import { phasesOf, type Phase } from "./phases";
import { stripHeadingNumber, tierLabelIn, type TierScheme } from "./tiers";

export type SectionKind = "descriptor" | "provision" | "excluded";

export interface HeadingMeaning {
  area?: Area;
  subNeed?: SubNeed;
  tierLabel?: string;
  phases?: Phase[];
  section?: SectionKind;
}

const DESCRIPTOR =
  /^(what (you|we|staff|adults) (might|may|could|will) (notice|see|observe|hear)|what might (we|you) (notice|see)|needs? descriptors?|descriptors?( of need)?|how (a|the) (child|learner|pupil|student|young person|cyp)\b.*\b(present|look)|identified (barrier|need)|barriers?( to learning)?$|(possible )?(signs|indicators|characteristics)( of| that| you)?|what (this|it) (might|may|could) look like|the (child|learner|pupil|young person) may|presentation of need|(child|learner|pupil|young person)'?s? (needs|difficulties)$)/i;
const PROVISION =
  /^((model |suggested )?provision( and (\/or )?strategies)?|(suggested |possible |useful )?strategies|(support|teaching) strategies|approaches|interventions|adjustments|what (should|will|can|might) (be provided|help|the (setting|school) (do|provide))|what (can|might|will) help|what helps|things you (might|could|can) do|what (settings?|schools?) (should|will|can) (do|provide|offer)|(ordinarily )?available provision|resources and strategies|strategies, resources and interventions)\b/i;
const EXCLUDED =
  /^(contents|table of contents|in this (guide|section|document|toolkit)|introduction|foreword|preface|purpose|glossary|contacts?( and glossary)?|contact (us|details)|who to contact|useful (links|contacts|resources|websites|information|documents)|further (advice|information|reading|support|help)|related( advice| pages| links| information)?|references|acknowledg|co-?production|how to use|using (the|this)|about (this|the) (guide|toolkit|document|standards|framework)|legal|the law|legislation|statutory (framework|context)|funding|previous versions?|review$|version (history|control)|document (control|history)|appendix|appendices|annex|feedback|share this|print|definitions|key terms|jargon|abbreviations|signposting|where to (get|find) (help|support|advice)|sendiass|what (the|this) (guidance|guide|document|toolkit) covers|view the (guidance|document)|downloads?|documents?$|recent posts|archives|categories|was this page useful|when to request|requesting an? (ehc|education, health)|ehc needs assessment)/i;

/** Reads one heading. A heading can carry several meanings ("Targeted – Sensory and Physical"). */
export function classifyHeading(text: string, scheme?: TierScheme | null): HeadingMeaning {
  const bare = stripHeadingNumber(text).replace(/^section\s+[a-z0-9]+\s*[:.–-]\s*/i, "");
  if (EXCLUDED.test(bare)) return { section: "excluded" };
  const meaning: HeadingMeaning = {};
  const area = areaOf(bare);
  if (area) meaning.area = area;
  const tierLabel = tierLabelIn(bare, scheme);
  if (tierLabel) meaning.tierLabel = tierLabel;
  if (DESCRIPTOR.test(bare)) meaning.section = "descriptor";
  else if (PROVISION.test(bare)) meaning.section = "provision";
  const words = bare.split(/\s+/).length;
  if (!tierLabel && !meaning.section) {
    const subNeed = subNeedOf(bare);
    if (subNeed && words <= 8 && (!area || area === subNeed.area)) meaning.subNeed = subNeed;
  }
  if (!area && !meaning.subNeed && words <= 6) {
    const phases = phasesOf(bare);
    if (phases.length) meaning.phases = phases;
  }
  return meaning;
}

export interface Context {
  area: Area | null;
  subNeed: SubNeed | null;
  tierLabel: string | null;
  phases: Phase[];
  section: SectionKind | null;
}

const EMPTY: Context = { area: null, subNeed: null, tierLabel: null, phases: [], section: null };

/**
 * How specific a meaning is: an area outranks a sub-need, which outranks a tier or section,
 * which outranks a phase. Used when headings are flattened (a print view that puts "Hearing"
 * and "What you might notice" at the same level): a heading that replaces a sibling keeps
 * the sibling's broader meaning.
 */
function rank(meaning: HeadingMeaning): number {
  if (meaning.section === "excluded" || meaning.area) return 0;
  if (meaning.subNeed) return 1;
  if (meaning.tierLabel || meaning.section) return 2;
  if (meaning.phases) return 3;
  return -1;
}

interface Frame {
  level: number;
  context: Context;
}

export class ContextStack {
  private frames: Frame[] = [];

  constructor(private readonly base: Partial<Context> = {}) {}

  current(): Context {
    return this.frames.at(-1)?.context ?? { ...EMPTY, ...this.base };
  }

  push(level: number, meaning: HeadingMeaning): void {
    let sibling: Frame | undefined;
    while (this.frames.length && this.frames.at(-1)!.level >= level) {
      const popped = this.frames.pop()!;
      if (popped.level === level) sibling = popped;
    }
    const parent = this.current();
    const own = rank(meaning);
    const inherited: Context = { ...parent };
    if (sibling && own < 0 && sibling.context.section !== "excluded") {
      // An untitled-looking sub-heading flattened to its section's level ("A4 The learning
      // environment" beside "Section A: Expectations of all settings") stays in that section.
      Object.assign(inherited, { area: sibling.context.area, subNeed: sibling.context.subNeed, tierLabel: sibling.context.tierLabel, section: sibling.context.section });
    } else if (sibling && own > 0) {
      const s = sibling.context;
      if (s.area) inherited.area = s.area;
      if (own > 1 && s.subNeed) inherited.subNeed = s.subNeed;
      if (own > 2) {
        if (s.tierLabel) inherited.tierLabel = s.tierLabel;
        if (s.section && s.section !== "excluded") inherited.section = s.section;
      }
    }
    // A heading sets what it names; what enclosing headings said still holds ("Early years" >
    // "Communication and interaction" > "SEN support" is early-years SEN support for CI).
    const context: Context = { ...inherited };
    if (meaning.section === "excluded") {
      context.section = "excluded";
    } else {
      if (meaning.area) {
        context.area = meaning.area;
        if (context.subNeed && context.subNeed.area !== meaning.area) context.subNeed = null;
        if (context.section === "excluded") context.section = null;
      }
      if (meaning.subNeed) {
        context.subNeed = meaning.subNeed;
        context.area ??= meaning.subNeed.area;
      }
      // Tiers organise provision: a tier heading ends a "what you might notice" section above it.
      if (meaning.tierLabel) Object.assign(context, { tierLabel: meaning.tierLabel, section: context.section === "descriptor" ? null : context.section });
      if (meaning.section) context.section = meaning.section;
      if (meaning.phases) context.phases = meaning.phases;
    }
    this.frames.push({ level, context });
  }
}
