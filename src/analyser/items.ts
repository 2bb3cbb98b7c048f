/**
 * Judges each rubric item: finds the passage that answers it, then decides `present`,
 * `vague`, `missing` or `not_required` with reasons and evidence.
 *
 * Finding the passage. A sentence belongs to an item's own answer when the nearest heading
 * above it that names any rubric topic names this item (a heading naming several items, like
 * "Disabled pupils", gives each the sentences about it). An item with no answer of its own is
 * looked for by content anywhere in the report, so answers under unexpected headings are found.
 * When a report does answer an item under its own heading, a detail given in passing elsewhere
 * does not change the judgement of that answer (the rubric's labelling rule).
 *
 * Judging it. `section` items weigh the distinct specifics found (rubric.ts) against the
 * item's threshold; `fact` and `document` items have one rule each below.
 */
import { execAll } from "../lib/exec-all";
import { findProgrammes, type ProgrammeMatch } from "./programmes";
import { FACT_CUES as CUES, RUBRIC, RUBRIC_BY_ID, type ItemId, type RubricItem } from "./rubric";
import type { Block } from "../extract/blocks";
import type { Segmented, Sentence } from "./segment";
import { samePath, stripNumbering } from "./segment";
import { PatternSet } from "./word-index";
import { allMatches, DEFLECTION, DUTY_RESTATEMENT, GENERIC, has, hasSignal, HEDGE, SIGNAL_PATTERNS, type SignalName } from "./signals";
import { readPageText, type DateJudgement, type PageText } from "./document";

export type ItemStatus = "present" | "vague" | "missing" | "not_required";

export interface ItemFinding {
  id: ItemId;
  status: ItemStatus;
  confidence: number;
  reasons: string[];
  evidence: Sentence[];
  /** What specific details were found, in plain English. */
  found: string[];
}

export interface JudgeOptions {
  asOf: string;
  schoolType: "mainstream" | "special";
  /** Secondary, all-through and post-16 reports are expected to cover preparing for adulthood. */
  secondary: boolean;
  dates: DateJudgement;
  flesch: number | null;
  /** The whole page's text when the report is a web page, chrome included. */
  pageText?: PageText;
}

const SIGNAL_NAMES = Object.keys(SIGNAL_PATTERNS) as SignalName[];
const SIGNAL_SLOT = Object.fromEntries(SIGNAL_NAMES.map((name, i) => [name, i])) as Record<SignalName, number>;

/** The topics of the items judged on their own answer (`section`). */
const SECTION_TOPICS = RUBRIC.filter((item) => item.check === "section" && item.topic).map((item) => item.topic!);

/** Every heading pattern, with a word filter: most headings could match only a few of them. */
const HEADING_PATTERNS = new PatternSet([...new Set(RUBRIC.flatMap((item) => [item.headings, item.broadHeadings, item.headingExclude]).filter((pattern) => pattern !== undefined))]);
const headingSlot = (pattern: RegExp | undefined) => (pattern ? HEADING_PATTERNS.patterns.indexOf(pattern) : -1);
/** Each item with the places of its heading patterns in HEADING_PATTERNS (-1 for none). */
const ITEM_HEADINGS = RUBRIC.map((item) => ({ item, headings: headingSlot(item.headings), broad: headingSlot(item.broadHeadings), exclude: headingSlot(item.headingExclude) }));

/** How many characters of a heading are matched against the heading patterns. */
const HEADING_READ = 240;

/** Which items a heading names; memoised per analysis. */
export function headingMatcher(): (heading: string) => ItemId[] {
  const cache = new Map<string, ItemId[]>();
  const byHeading = new Map<string, ItemId[]>();
  return (heading) => {
    const known = byHeading.get(heading);
    if (known) return known;
    // A heading is read by its first words: heading patterns look within a line, and a
    // "heading" of thousands of characters must not cost their square.
    const key = stripNumbering(heading.slice(0, HEADING_READ)).toLowerCase().replace(/\((?:trust|school|academy) statement\)/g, "").trim();
    let ids = cache.get(key);
    if (!ids) {
      const matched = HEADING_PATTERNS.matching(key);
      const precise: RubricItem[] = [];
      const broad: RubricItem[] = [];
      if (matched.length) {
        const has = (slot: number) => slot >= 0 && matched.includes(slot);
        for (const e of ITEM_HEADINGS) {
          if (has(e.exclude)) continue;
          if (has(e.headings)) precise.push(e.item);
          if (has(e.broad)) broad.push(e.item);
        }
      }
      // A heading naming one item precisely ("Admission of disabled pupils") is not shared with
      // the others its general words also name.
      const alongside = broad.filter((item) => !precise.includes(item) && !precise.some((other) => other.broadHeadings === item.broadHeadings));
      ids = (precise.length ? [...precise, ...alongside] : broad).map((item) => item.id);
      cache.set(key, ids);
    }
    byHeading.set(heading, ids);
    return ids;
  };
}

/** Fact and document items are judged on every mention, so only section items compete for a sentence. */
const SECTION_ITEMS = new Set(RUBRIC.filter((item) => item.check === "section").map((item) => item.id));

export class Passages {
  /** Per sentence and signal: 0 not yet tested, 1 absent, 2 present. Tested only when asked. */
  private readonly signalCache: Uint8Array;
  private readonly programmeCache: Array<ProgrammeMatch[] | undefined>;
  readonly own = new Map<ItemId, Sentence[]>();
  private readonly topical = new Map<ItemId, Sentence[]>();
  private readonly owners: ItemId[][] = [];

  constructor(
    readonly seg: Segmented,
    private readonly itemsForHeading: (heading: string) => ItemId[],
  ) {
    this.signalCache = new Uint8Array(seg.sentences.length * SIGNAL_NAMES.length);
    this.programmeCache = new Array(seg.sentences.length);
    for (const item of RUBRIC) this.own.set(item.id, []);
    let previous: { sentence: Sentence; owners: ItemId[] } | null = null;
    for (const sentence of seg.sentences) {
      const owners = this.ownersOf(sentence, previous);
      this.owners.push(owners);
      previous = { sentence, owners };
      for (const id of owners) this.own.get(id)!.push(sentence);
    }
  }

  /** False when the word index shows the pattern cannot match the sentences' joined text. */
  mayMatchJoined(pattern: RegExp, sentences: Sentence[]): boolean {
    let indices = this.indices.get(sentences);
    if (!indices) this.indices.set(sentences, (indices = sentences.map((s) => s.index)));
    return this.seg.words.mayMatchAny(pattern, indices);
  }

  /**
   * Per passage, its sentences' indices: an item's checks ask about the same passage many times.
   * A Map, not a WeakMap: it goes with the analysis, and weak keys cost the collector more.
   */
  private readonly indices = new Map<Sentence[], number[]>();

  /**
   * Matches of a global pattern in the sentences' text joined with non-word separators
   * (`joined`, built only when needed); none, without a scan, when the word index allows none.
   */
  matchesIn(pattern: RegExp, sentences: Sentence[], joined: () => string): string[] {
    return this.mayMatchJoined(pattern, sentences) ? allMatches(pattern, joined()) : [];
  }

  /**
   * How many distinct matches (lower-cased, trimmed) of a global pattern the sentences' joined
   * text has, counting no further than `enough`: the scan stops there.
   */
  distinctMatches(pattern: RegExp, sentences: Sentence[], joined: () => string, enough: number): number {
    if (!this.mayMatchJoined(pattern, sentences)) return 0;
    const seen = new Set<string>();
    execAll(pattern, joined(), (match) => seen.add(match[0].toLowerCase().trim()).size >= enough);
    return seen.size;
  }

  /** Whether the pattern matches the sentence, run only where the word index allows a match. */
  about(pattern: RegExp, sentence: Sentence): boolean {
    return this.seg.words.test(pattern, sentence.index);
  }

  /** The sentences any of the patterns match, in document order, tried only where the word index allows. */
  sentencesAbout(...patterns: RegExp[]): Sentence[] {
    return this.seg.words.textsMatching(...patterns).map((i) => this.seg.sentences[i]!);
  }

  /**
   * Whether any heading over the sentence matches the pattern (tested lower-cased when asked).
   * Memoised per heading: every sentence of a section carries the same chain.
   */
  underHeading(pattern: RegExp, sentence: Sentence, lowerCase = false): boolean {
    let memos = this.headingMemo.get(pattern);
    if (!memos) this.headingMemo.set(pattern, (memos = [{ chains: new Map(), headings: new Map() }, { chains: new Map(), headings: new Map() }]));
    const memo = memos[lowerCase ? 1 : 0]!;
    // Sentences of one block, and blocks under the same headings, share their chain array.
    let answer = memo.chains.get(sentence.headings);
    if (answer === undefined) {
      answer = sentence.headings.some((heading) => {
        let matches = memo.headings.get(heading);
        const read = heading.slice(0, HEADING_READ);
        if (matches === undefined) memo.headings.set(heading, (matches = pattern.test(lowerCase ? read.toLowerCase() : read)));
        return matches;
      });
      memo.chains.set(sentence.headings, answer);
    }
    return answer;
  }

  /** Per pattern, answers for headings as written [0] and lower-cased [1]. */
  private readonly headingMemo = new Map<RegExp, Array<{ chains: Map<string[], boolean>; headings: Map<string, boolean> }>>();

  /** Whether a sentence has a signal; tested when first asked, as most pairs never are. */
  signal(sentence: Sentence, name: SignalName): boolean {
    const at = sentence.index * SIGNAL_NAMES.length + SIGNAL_SLOT[name];
    // The word index holds for the frequency test's rewritten text too: it only turns
    // "annual review(s)" into "review", whose first letters the sentence already has.
    if (!this.signalCache[at]) this.signalCache[at] = this.seg.words.mayMatch(SIGNAL_PATTERNS[name], sentence.index) && hasSignal(name, sentence.text) ? 2 : 1;
    return this.signalCache[at] === 2;
  }

  /** Whether the sentence has any signal at all. */
  anySignal(sentence: Sentence): boolean {
    return SIGNAL_NAMES.some((name) => this.signal(sentence, name));
  }

  programmes(sentence: Sentence): ProgrammeMatch[] {
    return (this.programmeCache[sentence.index] ??= findProgrammes(sentence.text));
  }

  /** Sentences about the item outside its own answer; found when first asked. */
  topicalOf(id: ItemId): Sentence[] {
    let found = this.topical.get(id);
    if (!found) {
      const item = RUBRIC_BY_ID.get(id)!;
      found = item.topic ? this.sentencesAbout(item.topic).filter((s) => !this.owners[s.index]!.includes(id)) : [];
      if (item.check === "section") found = this.withFollowers(found);
      this.topical.set(id, found);
    }
    return found;
  }

  /**
   * Under a heading that names several items, a sentence goes to the items it is about; one
   * about none of them carries on the previous sentence's topic, or, opening the section,
   * belongs to all of them.
   */
  private ownersOf(sentence: Sentence, previous: { sentence: Sentence; owners: ItemId[] } | null): ItemId[] {
    for (const heading of sentence.headings) {
      const ids = this.itemsForHeading(heading);
      if (!ids.length) continue;
      const sections = ids.filter((id) => SECTION_ITEMS.has(id));
      if (sections.length <= 1) return ids;
      const others = ids.filter((id) => !SECTION_ITEMS.has(id));
      const about = sections.filter((id) => this.about(RUBRIC_BY_ID.get(id)!.topic!, sentence));
      if (about.length) return [...about, ...others];
      const sameSection = previous !== null && previous.sentence.headings[0] === sentence.headings[0] && samePath(previous.sentence.headingPath, sentence.headingPath);
      return [...(sameSection ? previous.owners.filter((id) => sections.includes(id)) : sections), ...others];
    }
    return [];
  }

  /**
   * The sentences, each followed by those after it in its paragraph that are about no item's
   * topic: such a sentence carries on the one before ("Each child has a support plan. It is
   * reviewed with you three times a year."), under whatever heading.
   */
  private withFollowers(sentences: Sentence[]): Sentence[] {
    const all: Sentence[] = [];
    for (const sentence of sentences) {
      // A follower is about no topic, so it is never one of the sentences themselves.
      all.push(sentence);
      for (let next = this.seg.sentences[sentence.index + 1]; next && next.block === sentence.block && !this.aboutAnySection(next); next = this.seg.sentences[next.index + 1]) {
        all.push(next);
      }
    }
    return all;
  }

  /** Whether the sentence is about any section item's topic; worked out once per sentence. */
  private aboutAnySection(sentence: Sentence): boolean {
    let known = this.sectionTopic[sentence.index];
    if (known === undefined) this.sectionTopic[sentence.index] = known = SECTION_TOPICS.some((topic) => this.about(topic, sentence));
    return known;
  }

  private readonly sectionTopic: Array<boolean | undefined> = [];

  /** The item's own answer if it has one, otherwise the sentences about it wherever they are. */
  passage(id: ItemId): { sentences: Sentence[]; own: boolean } {
    const own = this.own.get(id)!;
    return own.length ? { sentences: own, own: true } : { sentences: this.topicalOf(id), own: false };
  }

  /** Every sentence about the item: its own answer and mentions elsewhere, in document order. */
  everywhere(id: ItemId): Sentence[] {
    return [...this.own.get(id)!, ...this.topicalOf(id)].sort((a, b) => a.index - b.index);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
const quoteList = (phrases: string[]) => [...new Set(phrases.map((p) => p.toLowerCase()))].slice(0, 3).map((p) => `"${p}"`).join(", ");

function finding(id: ItemId, status: ItemStatus, confidence: number, reasons: string[], evidence: Sentence[] = [], found: string[] = []): ItemFinding {
  return { id, status, confidence: round(Math.min(0.97, Math.max(0.3, confidence))), reasons, evidence: evidence.slice(0, 3), found };
}

/** Reasons a passage reads as generic: hedges, deflection, restated duties, generic nouns, item cues. */
function vaguenessReasons(item: RubricItem, sentences: Sentence[], passages: Passages): string[] {
  let text: string | undefined;
  const joined = () => (text ??= sentences.map((s) => s.text).join(" "));
  const reasons: string[] = [];
  for (const cue of item.vagueCues ?? []) if (passages.mayMatchJoined(cue.pattern, sentences) && has(cue.pattern, joined())) reasons.push(cue.reason);
  const deflecting = sentences.filter((s) => passages.about(DEFLECTION, s));
  if (deflecting.length && deflecting.length >= sentences.length / 2) reasons.push(`answers mainly by pointing to another document (${quoteList(allMatches(DEFLECTION, joined()))})`);
  const duties = passages.matchesIn(DUTY_RESTATEMENT, sentences, joined);
  if (duties.length) reasons.push(`restates the legal duty instead of saying what is done (${quoteList(duties)})`);
  const hedges = passages.matchesIn(HEDGE, sentences, joined);
  if (hedges.length) reasons.push(`hedged wording: ${quoteList(hedges)}`);
  const generic = passages.matchesIn(GENERIC, sentences, joined);
  if (generic.length) reasons.push(`generic wording in place of names: ${quoteList(generic)}`);
  return reasons;
}

/** Weighs the distinct specifics of a section item found in its passage. */
function weigh(item: RubricItem, sentences: Sentence[], passages: Passages) {
  let score = 0;
  const found: string[] = [];
  const perSentence = new Map<Sentence, number>();
  let text: string | undefined;
  const joined = () => (text ??= sentences.map((s) => s.text).join(" \n "));
  for (const specific of item.specifics ?? []) {
    // A detail counts with this many distinct findings (never fewer than one).
    const needed = Math.max(1, specific.atLeast ?? 1);
    let hits: Sentence[] = [];
    let distinct = 0;
    if (specific.signal) {
      hits = sentences.filter((s) => passages.signal(s, specific.signal!));
      distinct = hits.length;
    } else if (specific.programmes) {
      const names = new Set<string>();
      for (const s of sentences) {
        const matched = passages.programmes(s).filter((p) => specific.programmes!.includes(p.category));
        if (matched.length) hits.push(s);
        for (const p of matched) names.add(p.name);
      }
      distinct = names.size;
    } else if (specific.pattern) {
      // Only whether there are enough distinct matches counts.
      distinct = passages.distinctMatches(specific.pattern, sentences, joined, needed);
      // Which sentences hold it matters only for a detail that counts.
      if (distinct >= needed) hits = sentences.filter((s) => passages.about(specific.pattern!, s));
    }
    if (distinct >= needed) {
      score += specific.weight ?? 1;
      found.push(specific.label);
      for (const s of hits) perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
    }
  }
  return { score, found: [...new Set(found)], perSentence };
}

function bestEvidence(sentences: Sentence[], perSentence: Map<Sentence, number>): Sentence[] {
  if (sentences.length <= 3) return sentences;
  return [...sentences].sort((a, b) => (perSentence.get(b) ?? 0) - (perSentence.get(a) ?? 0) || a.index - b.index).slice(0, 3).sort((a, b) => a.index - b.index);
}

function judgeSection(item: RubricItem, passages: Passages, options: JudgeOptions): ItemFinding {
  const { sentences, own } = passages.passage(item.id);
  if (!sentences.length) return finding(item.id, "missing", 0.85, [`Nothing in the report addresses this: it should give ${item.wanted}.`]);
  const { score, found, perSentence } = weigh(item, sentences, passages);
  const threshold = item.presentAt ?? 2;
  const where = own ? "" : " (found only outside any heading about it)";

  if (item.id === "K12" && options.secondary && score >= threshold && !found.includes("preparing for adulthood")) {
    return finding(item.id, "vague", 0.7, ["a secondary school report with nothing on preparing for adulthood (careers, post-16 options, independent living)", `gives ${found.join("; ")}${where}`], bestEvidence(sentences, perSentence), found);
  }
  if (score >= threshold) {
    return finding(item.id, "present", 0.62 + 0.08 * Math.min(3, score - threshold) + (own ? 0.05 : 0), [`gives ${found.join("; ")}${where}`], bestEvidence(sentences, perSentence), found);
  }
  const reasons = [...vaguenessReasons(item, sentences, passages), `does not give ${item.wanted}${found.length ? ` (it gives only ${found.join("; ")})` : ""}`];
  return finding(item.id, "vague", 0.6 + (reasons.length > 1 ? 0.1 : 0) + (score === 0 ? 0.1 : 0) - (own ? 0 : 0.1), reasons, bestEvidence(sentences, perSentence), found);
}

// Rules for `fact` and `document` items.


/** How far, in sentences, `nearby` reaches either way: a paragraph's worth, whatever the blocks. */
const NEARBY_REACH = 12;

/**
 * Sentences from `before` blocks above to `after` blocks below, under the same headings, and
 * no more than NEARBY_REACH sentences away: a contact is given close to the name it belongs to,
 * and one long block (a page with no paragraphs) must not make every mention read all of it.
 */
function nearby(seg: Segmented, sentence: Sentence, before = 1, after = 2): Sentence[] {
  const near = (s: Sentence) => samePath(s.headingPath, sentence.headingPath);
  let first = sentence.index;
  while (first > 0 && sentence.index - first < NEARBY_REACH && seg.sentences[first - 1]!.block >= sentence.block - before) first--;
  let last = sentence.index;
  while (last + 1 < seg.sentences.length && last - sentence.index < NEARBY_REACH && seg.sentences[last + 1]!.block <= sentence.block + after) last++;
  return seg.sentences.slice(first, last + 1).filter(near);
}

function judgeSenco(item: RubricItem, passages: Passages): ItemFinding {
  const mentions = passages.everywhere(item.id).filter((s) => passages.about(item.topic!, s) || passages.underHeading(item.headings!, s, true));
  if (!mentions.length) return finding(item.id, "missing", 0.85, ["no SENCO (special educational needs co-ordinator) is named or mentioned"]);
  let best: { named: boolean; direct: boolean; office: boolean; evidence: Sentence[] } = { named: false, direct: false, office: false, evidence: [mentions[0]!] };
  let dangling = false;
  // The names the report gives the SENCO ("Our SENDCo, Priya Raman"): a staff table or contact
  // line that repeats the name without a title names the SENCO too.
  const names = new Set(mentions.flatMap((m) => CUES.K04.nameAfterRole.exec(m.text)?.[1] ?? []));
  // A SENCO who is also the headteacher is reached directly at the head's address.
  const alsoHead = mentions.some((m) => CUES.K04.alsoHead.test(m.text));
  // What each sentence offers as a route to the SENCO, worked out once per sentence.
  const routes = new Map<Sentence, { direct: boolean; office: boolean; dangling: boolean }>();
  const routeOf = (s: Sentence) => {
    let route = routes.get(s);
    if (!route) {
      const emails = passages.signal(s, "email") ? allMatches(SIGNAL_PATTERNS.email, s.text) : [];
      const phones = passages.signal(s, "phone");
      const viaOffice = passages.about(CUES.K04.officeRoute, s);
      const personal = (email: string) => !CUES.K04.officeEmail.test(email) || (alsoHead && /^head/i.test(email));
      const direct = emails.some(personal) || passages.about(CUES.K04.booking, s) || (phones && !viaOffice);
      route = { direct, office: !direct && ((viaOffice && /\bcontact\w*\b/i.test(s.text)) || emails.length > 0 || phones), dangling: passages.about(CUES.K04.danglingContact, s) };
      routes.set(s, route);
    }
    return route;
  };
  const rank = (x: typeof best) => (x.named ? 2 : 0) + (x.direct ? 3 : 0) + (x.office ? 1 : 0);
  for (const mention of mentions) {
    const window = nearby(passages.seg, mention);
    const named =
      passages.signal(mention, "namedPerson") ||
      passages.about(CUES.K04.nameAfterRole, mention) ||
      [...names].some((name) => mention.text.includes(name)) ||
      window.some((s) => s.block === mention.block && passages.signal(s, "namedPerson"));
    const found = window.map(routeOf);
    if (found.some((r) => r.dangling)) dangling = true;
    const candidate = { named, direct: found.some((r) => r.direct), office: found.some((r) => r.office), evidence: window.filter((s) => s === mention || passages.signal(s, "email") || passages.signal(s, "phone")) };
    if (rank(candidate) > rank(best)) best = candidate;
    if (best.named && best.direct) break;
  }
  if (best.named && best.direct) return finding(item.id, "present", 0.9, ["the SENCO is named with a direct email, phone number or booking route"], best.evidence, ["SENCO's name", "direct contact"]);
  const reasons: string[] = [];
  if (!best.named) reasons.push("the SENCO is mentioned but not named");
  if (!best.direct) {
    reasons.push(
      best.office
        ? "the only contact route given is the school office"
        : dangling
          ? "the text says the SENCO can be contacted at, but no address or number follows"
          : `${best.named ? "the SENCO is named but" : "for the SENCO,"} no email, phone number or booking route is given`,
    );
  }
  return finding(item.id, "vague", 0.8, reasons, best.evidence);
}


/**
 * Whether sentences about a service give a way to reach it: a phone number, email or web
 * address, or a link written in them (their block's other links may be another service's).
 */
function hasContact(passages: Passages, sentences: Sentence[]): boolean {
  return sentences.some((s) => {
    return passages.signal(s, "phone") || passages.signal(s, "email") || passages.signal(s, "webAddress") || s.links.some((l) => /^https?:/i.test(l.href) && sentences.some((t) => t.text.includes(l.text)));
  });
}

const LOCAL_OFFER = RUBRIC_BY_ID.get("K13")!.topic!;
/** A web address whose path names the Local Offer ("www.example.gov.uk/send/local-offer"). */
const LOCAL_OFFER_ADDRESS = /(?:https?:\/\/|www\.)\S*local-?offer/i;

function judgeParentSupport(item: RubricItem, passages: Passages): ItemFinding {
  const mentions = passages.everywhere(item.id).filter((s) => passages.about(item.topic!, s));
  if (!mentions.length) return finding(item.id, "missing", 0.85, ["no SENDIASS or other support service for parents is mentioned"]);
  const ias = mentions.filter((s) => passages.about(CUES.K11.ias, s));
  for (const mention of ias) {
    // The next sentences' contact details are the service's, unless they are the Local Offer's.
    const window = nearby(passages.seg, mention, 0, 1).filter(
      (s) => s.index === mention.index || (s.index > mention.index && s.index <= mention.index + 2 && !(passages.about(LOCAL_OFFER, s) && !passages.about(CUES.K11.ias, s))),
    );
    if (hasContact(passages, window)) {
      const named = passages.about(CUES.K11.namedIas, mention);
      return finding(item.id, "present", named ? 0.9 : 0.75, [`the ${named ? "local SENDIASS is named" : "SENDIASS is mentioned"} with a phone number, email or web address`], window, ["SENDIASS with contact details"]);
    }
  }
  const reasons: string[] = [];
  if (mentions.some((s) => passages.about(CUES.K11.supersededIas, s))) reasons.push("uses the superseded name \"Parent Partnership\" for the information, advice and support service (SENDIASS)");
  if (ias.length) reasons.push(ias.some((s) => passages.about(CUES.K11.namedIas, s)) ? "SENDIASS is named without a phone number, email or web address" : "refers to an advice service without naming the local SENDIASS or giving its contact details");
  else reasons.push("no local SENDIASS is named; it should be given with its contact details");
  return finding(item.id, "vague", 0.8, reasons, ias.length ? ias : mentions);
}


function judgeLocalOffer(item: RubricItem, passages: Passages): ItemFinding {
  const mentions = passages.everywhere(item.id).filter((s) => passages.about(item.topic!, s) && has(item.topic!, s.text.replace(CUES.K13.schoolOffer, "")));
  if (!mentions.length) return finding(item.id, "missing", 0.85, ["the council's Local Offer is not mentioned"]);
  for (const mention of mentions) {
    const window = passages.seg.sentences.slice(mention.index, mention.index + 3).filter((s) => samePath(s.headingPath, mention.headingPath));
    const linked = window.some((s) => passages.signal(s, "webAddress") || s.links.some((l) => /^https?:/i.test(l.href)));
    if (linked) return finding(item.id, "present", 0.9, ["the Local Offer is named with its web address or a link"], [mention], ["Local Offer with a link"]);
  }
  // An address that names the Local Offer is its address wherever it stands (a footnote, a list of links).
  const named = passages.seg.sentences.find((s) => LOCAL_OFFER_ADDRESS.test(s.text) || s.links.some((l) => s.text.includes(l.text) && LOCAL_OFFER_ADDRESS.test(l.href)));
  if (named) return finding(item.id, "present", 0.8, ["the Local Offer is named, and its web address is given elsewhere in the report"], [mentions[0]!, named], ["Local Offer with a link"]);
  return finding(item.id, "vague", 0.8, ["the Local Offer is mentioned without a link or web address"], mentions);
}


function judgeAccessibilityPlan(item: RubricItem, passages: Passages, options: JudgeOptions): ItemFinding {
  // Under a heading naming the plan, a sentence about "it" ("Ours covers 2023 to 2026") is about the plan.
  const mentions = passages.everywhere(item.id).filter((s) => passages.about(item.topic!, s) || passages.underHeading(item.headings!, s, true));
  if (!mentions.length) return finding(item.id, "missing", 0.85, ["the accessibility plan is not mentioned"]);
  const asOfYear = Number(options.asOf.slice(0, 4));
  let expired: Sentence | null = null;
  for (const mention of mentions) {
    const block = passages.seg.blocks[mention.block]!;
    const range = mention.text.match(CUES.E04.yearRange) ?? block.text.match(CUES.E04.yearRange);
    if (range) {
      const end = Number(range[2]!.length === 2 ? `${range[1]!.slice(0, 2)}${range[2]}` : range[2]);
      // A plan for "2024-2027" runs to the end of the 2026-27 school year (August 2027).
      if (`${end}-08-31` >= options.asOf) return finding(item.id, "present", 0.85, [`a current, dated accessibility plan (${range[0]})`], [mention], ["a dated, current plan"]);
      expired = mention;
      continue;
    }
    const dated = allMatches(SIGNAL_PATTERNS.date, mention.text).map((d) => Number(d.match(/(?:19|20)\d{2}/)?.[0])).filter(Boolean);
    if (dated.some((year) => year >= asOfYear - 3)) return finding(item.id, "present", 0.75, ["the accessibility plan is dated within the last three years"], [mention], ["a dated plan"]);
  }
  if (expired) return finding(item.id, "vague", 0.8, ["the accessibility plan's period has ended"], [expired]);
  const reasons = ["the accessibility plan is mentioned without dates, so it cannot be told whether it is current"];
  if (mentions.some((s) => passages.about(CUES.E04.onRequest, s))) reasons.push("the plan is only available on request");
  return finding(item.id, "vague", 0.8, reasons, mentions);
}


function judgeLookedAfter(item: RubricItem, passages: Passages): ItemFinding {
  const mentions = passages.everywhere(item.id).filter((s) => passages.about(item.topic!, s));
  if (!mentions.length) return finding(item.id, "missing", 0.85, ["nothing on looked-after children with SEN"]);
  const text = mentions.map((s) => s.text).join(" ");
  const features = CUES.C01.lacFeatures.filter(([, pattern]) => pattern.test(text));
  const found = features.map(([label]) => label);
  // Saying only that a Designated Teacher works with the SENCO restates the role; naming the
  // teacher, or saying how PEPs or the Virtual School come in, is what the school actually does.
  const concrete = features.some(([, , isConcrete]) => isConcrete) || mentions.some((s) => CUES.C01.designatedTeacher.test(s.text) && passages.signal(s, "namedPerson"));
  if (found.length >= 2 && concrete) return finding(item.id, "present", 0.8 + 0.05 * (found.length - 2), [`gives ${found.join("; ")}`], mentions, found);
  const reason = found.length >= 2 ? "names the Designated Teacher's role but not who it is, nor how Personal Education Plans or the Virtual School link with SEN support" : `mentions looked-after children but not ${item.wanted}`;
  return finding(item.id, "vague", 0.75, [reason], mentions, found);
}


function judgeContribution(item: RubricItem, passages: Passages): ItemFinding {
  const mentions = passages.everywhere(item.id).filter((s) => passages.about(item.topic!, s));
  const contribution = mentions.filter((s) => passages.about(CUES.C02.contribution, s));
  if (contribution.length) return finding(item.id, "present", 0.85, ["says how the report contributes to the council's Local Offer"], contribution);
  if (mentions.length) return finding(item.id, "vague", 0.75, ["calls the report the \"school offer\" without saying it is the school's contribution to the council's Local Offer"], mentions);
  // A council template often names the report in its title ("School SEN Information Report (School Local Offer)").
  const titled = passages.seg.headings.find((h) => has(item.topic!, h.text));
  if (titled) return finding(item.id, "vague", 0.7, ["only the title calls the report the \"school offer\"; it does not say it is the school's contribution to the council's Local Offer"], [headingAsSentence(passages.seg, titled)]);
  return finding(item.id, "missing", 0.8, ["no statement of the school's contribution to the council's Local Offer"]);
}

/** A heading in the shape of a sentence, to quote as evidence. */
function headingAsSentence(seg: Segmented, heading: Segmented["headings"][number]): Sentence {
  const block = seg.blocks[heading.block]!;
  const start = seg.blockStarts[heading.block]!;
  return {
    index: -1,
    text: heading.text,
    start,
    end: start + heading.text.length,
    block: heading.block,
    headings: [],
    headingPath: block.headingPath,
    links: block.links,
    ...(block.page !== undefined ? { page: block.page } : {}),
    ...(block.sourceUrl ? { sourceUrl: block.sourceUrl } : {}),
  };
}


function judgeContacts(item: RubricItem, passages: Passages, options: JudgeOptions): ItemFinding {
  const seg = passages.seg;
  // A named person first: few sentences name one, and most name a role ("teacher").
  const named = seg.sentences.filter((s) => passages.signal(s, "namedPerson") && (passages.about(CUES.C03.contactRole, s) || passages.underHeading(CUES.C03.contactRole, s)));
  const roles = passages.sentencesAbout(item.topic!).filter((s) => passages.about(CUES.C03.contactRole, s));
  const located = (s: Sentence) => passages.about(CUES.C03.policyLocation, s) || s.links.some((l) => /polic/i.test(`${l.text} ${l.href}`));
  const policy = seg.sentences.filter((s) => {
    if (!passages.about(CUES.C03.policy, s) && !passages.underHeading(CUES.C03.policy, s)) return false;
    const next = seg.sentences[s.index + 1];
    return located(s) || (next !== undefined && next.block === s.block && /^(?:it|this)\b/i.test(next.text) && located(next));
  });
  const combined = seg.headings.some((h) => CUES.C03.combinedPolicy.test(h.text)) || seg.sentences.slice(0, 5).some((s) => passages.about(CUES.C03.combinedPolicy, s));
  // Schools often give the policy's place in the page footer, outside the report's content.
  const inPage = () => (readPageText(options.pageText) ?? "").split("\n").some((line) => CUES.C03.policy.test(line) && CUES.C03.policyLocation.test(line));
  const policyFound = policy.length > 0 || combined || inPage();
  const evidence = [...named.slice(0, 2), ...policy.slice(0, 1)];
  if (named.length && policyFound) return finding(item.id, "present", 0.85, ["names people to contact and says where the SEN policy is"], evidence, ["named contacts", "SEN policy location"]);
  if (!named.length && !policyFound && !roles.length) return finding(item.id, "missing", 0.75, ["no named contacts for concerns and no SEN policy"]);
  const reasons: string[] = [];
  if (!named.length) reasons.push(roles.length ? "contacts are given only as roles (\"speak to the class teacher\"), not by name" : "no named contacts for concerns");
  if (!policyFound) reasons.push(passages.sentencesAbout(CUES.C03.policy).length ? "the SEN policy is referred to without saying where to find it" : "does not say where to find the SEN policy");
  return finding(item.id, "vague", 0.75, reasons, evidence.length ? evidence : roles.slice(0, 2));
}


/** An abbreviation: two to eight letters, the first and the last capitals, with an optional plural "s". */
const ACR = "[A-Z][A-Za-z]?[A-Z]{1,6}";
const ACRONYM = new RegExp(`\\b(${ACR})s?\\b`, "g");
/**
 * The ways a report explains an abbreviation, as one pattern tried where the abbreviation
 * stands (sticky), with what must come before it as a lookbehind: "(SENCO)", "SENCO (special
 * ...", "SENCO: the ...", "SENCO stands for", "The SENCO is the teacher ...", "What is a SENCO",
 * "(we shorten that to SEND)". One pattern of alternatives runs in half the time of seven.
 */
const EXPLAINED_AT = new RegExp(
  [
    `(?<=\\()${ACR}s?\\)`,
    `${ACR}s?\\s*\\((?:[a-z]|[A-Z][a-z])`,
    `(?<=^|\\n|[.;]\\s+)${ACR}s?\\s*(?::|[–—-]|=)\\s*\\S`,
    `${ACR}\\s+(?:stands for|means|is short for)\\b`,
    `(?<=\\b(?:[Tt]he|[Aa]n?|[Oo]ur)\\s+)${ACR}\\s+is\\s+(?:the |a |an )?(?:person|teacher|member|responsible|someone|trained|document|legal|plan|service|specialist)\\b`,
    `(?<=\\b[Ww]hat (?:is|are) (?:an? |the )?)${ACR}s?\\b`,
    `(?<=\\b(?:shorten(?:ed)?|abbreviated?) (?:that |this |it |them )?to |\\b(?:known as|called) )${ACR}s?\\b|${ACR}s? for short\\b`,
  ]
    .map((form) => `(?:${form})`)
    .join("|"),
  "y",
);

/** What follows a phrase that is part of the title of a law or code ("... and Disability Regulations 2014"). */
const LEGAL_TITLE_REST = /^[\w-]*(?:\s+(?:and|or|&|[A-Z][\w'’-]*))*?\s+(?:Regulations|Code of Practice|Act|Tribunal)\b/;

/** Whether the text spells the abbreviation out other than in the title of a law or code. */
function spelledOut(expansion: RegExp | undefined, text: string): boolean {
  let outsideTitle = false;
  if (expansion) execAll(expansion, text, (match) => (outsideTitle = !LEGAL_TITLE_REST.test(text.slice(match.index + match[0].length, match.index + match[0].length + 80))));
  return outsideTitle;
}

/**
 * Whether a block holding an abbreviation is a line in capitals: a shouted title, not a run of
 * abbreviations (letters mostly capitals, or a heading with no lower case). Counting stops once
 * the lower case read so far settles it, which in a paragraph is about a quarter of the way in.
 */
function isShouted(block: Block): boolean {
  const text = block.text;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) {
      lower++;
      // Mostly capitals means under a fifth lower case (4 × lower < upper); even if every
      // character left were a capital, that can no longer be.
      if (4 * lower >= upper + text.length - 1 - i) return false;
    }
  }
  return (upper + lower > 8 && 4 * lower < upper) || (block.kind === "heading" && lower === 0);
}

function acronymsExplained(seg: Segmented): { total: number; explained: number; unexplained: string[] } {
  const text = seg.text;
  const acronyms = new Map<string, string>();
  // Abbreviations explained at some use, whether or not that use is the one recorded.
  const explainedKeys = new Set<string>();
  // One scan of the document's text: an abbreviation never runs over the line break between blocks.
  let b = -1;
  // Whether the block is a shouted title: worked out only when it offers a new abbreviation.
  let shouted: boolean | undefined;
  for (const match of execAll(ACRONYM, text)) {
    const token = match[1]!;
    const key = token.toUpperCase();
    if (CUES.C04.notAcronyms.has(key)) continue;
    // Each use is checked for being explained where it stands.
    if (!explainedKeys.has(key) && ((EXPLAINED_AT.lastIndex = match.index), EXPLAINED_AT.test(text))) explainedKeys.add(key);
    // Only the first use of each abbreviation is recorded; later ones change nothing.
    if (acronyms.has(key)) continue;
    if (b < 0 || seg.blockStarts[b + 1]! <= match.index) {
      while (b + 1 < seg.blocks.length && seg.blockStarts[b + 1]! <= match.index) b++;
      shouted = undefined;
    }
    const block = seg.blocks[b]!;
    if ((shouted ??= isShouted(block))) continue;
    // Next to another word in capitals it is part of a title ("SPECIAL EDUCATIONAL NEEDS").
    const from = match.index - seg.blockStarts[b]!;
    const before = block.text.slice(Math.max(0, from - 20), from);
    const after = block.text.slice(from + match[0].length, from + match[0].length + 20);
    if (/\b[A-Z]{3,}\s+$/.test(before) || /^\s+[A-Z]{3,}\b/.test(after)) continue;
    acronyms.set(key, token);
  }
  const unexplained: string[] = [];
  let explained = 0;
  for (const [key, token] of acronyms) {
    if (explainedKeys.has(key) || spelledOut(CUES.C04.expansions[key], text)) explained++;
    else unexplained.push(token);
  }
  return { total: acronyms.size, explained, unexplained };
}

function judgePlainLanguage(item: RubricItem, passages: Passages, options: JudgeOptions): ItemFinding {
  const seg = passages.seg;
  const flesch = options.flesch === null ? "" : ` Flesch reading ease ${options.flesch}.`;
  // A glossary under a heading, a question line or a label ("Words we use: ..."); a row of a
  // glossary table is one entry however many sentences its meaning runs to.
  const entries = new Set(
    seg.sentences
      .filter((s) => passages.underHeading(item.headings!, s, true))
      .map((s) => (passages.about(CUES.C04.glossaryEntry, s) ? `sentence ${s.index}` : seg.blocks[s.block]!.kind === "table_row" ? `row ${s.block}` : null))
      .filter((entry) => entry !== null),
  ).size;
  const glossary = entries >= 3;
  const formats = passages.sentencesAbout(CUES.C04.otherFormats, CUES.C04.languages);
  const acronyms = acronymsExplained(seg);
  const share = acronyms.total ? acronyms.explained / acronyms.total : 1;
  const found: string[] = [];
  if (glossary) found.push("a glossary of terms");
  if (formats.length) found.push("other formats or languages");
  if (share >= 0.75) found.push(acronyms.total ? `${acronyms.explained} of ${acronyms.total} abbreviations explained` : "no unexplained abbreviations");
  const evidence = formats.slice(0, 2);
  if (found.length) return finding(item.id, "present", 0.75, [`gives ${found.join("; ")}.${flesch}`], evidence, found);
  return finding(item.id, "vague", 0.7, [`no glossary or other formats, and abbreviations left unexplained (${acronyms.unexplained.slice(0, 6).join(", ")}).${flesch}`]);
}

function judgeDated(item: RubricItem, passages: Passages, options: JudgeOptions): ItemFinding {
  const { reportDate, reviewDate, current } = options.dates;
  const evidence = (d: typeof reportDate) => {
    if (!d || d.start === null) return [];
    return passages.seg.sentences.filter((s) => s.start <= d.start! && s.end >= d.end!).slice(0, 1);
  };
  const ev = [...evidence(reportDate), ...evidence(reviewDate)].filter((s, i, all) => all.indexOf(s) === i);
  const dated = [reportDate && `dated ${reportDate.iso.slice(0, reportDate.precision === "day" ? 10 : 7)} ("${reportDate.quote}")`, reviewDate && `review date ${reviewDate.iso.slice(0, 7)} ("${reviewDate.quote}")`].filter(Boolean).join("; ");
  if (!reportDate && !reviewDate) return finding(item.id, "missing", 0.8, ["no publication date, academic year or review date was found"]);
  if (current) return finding(item.id, "present", 0.85, [`${dated}: current at ${options.asOf}`], ev);
  return finding(item.id, "vague", 0.85, [`${dated}: older than 12 months at ${options.asOf} and past its review date`], ev);
}


function judgeGovernance(item: RubricItem, passages: Passages): ItemFinding {
  // The word list comes last: the word index cannot help with it, but the patterns before it
  // leave few sentences to try.
  const mentions = passages.sentencesAbout(item.topic!, CUES.D02.coproduction, CUES.D02.seenByBoard, CUES.D02.approval).filter((s) => passages.about(CUES.D02.prefilter, s) && !passages.about(CUES.D02.otherDocument, s));
  const dated = (s: Sentence) => passages.signal(s, "date");
  const approved = mentions.filter((s) => (passages.about(CUES.D02.approval, s) || passages.about(CUES.D02.dateApproved, s)) && dated(s));
  const coproduced = mentions.filter((s) => passages.about(CUES.D02.coproduction, s));
  const found = [approved.length ? "approval by governors with a date" : "", coproduced.length ? "how parents or pupils helped write it" : ""].filter(Boolean);
  if (found.length) return finding(item.id, "present", 0.8, [`gives ${found.join("; ")}`], [...new Set([...approved, ...coproduced])], found);
  const governance = mentions.filter((s) => (passages.about(CUES.D02.aboutReport, s) && passages.about(CUES.D02.seenByBoard, s)) || passages.about(CUES.D02.approval, s));
  if (governance.length) return finding(item.id, "vague", 0.7, ["mentions governors approving or seeing the report, but with no date and no parent or pupil involvement"], governance);
  return finding(item.id, "missing", 0.75, ["no governor approval and no involvement of parents or pupils is mentioned"]);
}


/** D03 follows from the statutory items: an account answers most of them with facts. */
export function judgeAccount(findings: ItemFinding[], passages: Passages): ItemFinding {
  const statutory = findings.filter((f) => /^[KE]/.test(f.id) && f.status !== "not_required");
  const present = statutory.filter((f) => f.status === "present").length;
  const share = statutory.length ? present / statutory.length : 0;
  const policyHeadings = passages.seg.headings.filter((h) => CUES.D03.policyHeadings.test(stripNumbering(h.text))).length;
  const summary = `${present} of ${statutory.length} statutory items are answered with specific facts`;
  if (share >= 0.5) return finding("D03", "present", 0.6 + Math.min(0.3, share - 0.5), [summary]);
  if (share < 0.15 && policyHeadings >= 2) return finding("D03", "missing", 0.6, [`${summary}, and the document is set out as a policy (aims, legislation, definitions, roles)`]);
  return finding("D03", "vague", 0.65 + Math.min(0.25, 0.5 - share), [`${summary}; most answers are aims, duties or general statements`]);
}

type Rule = (item: RubricItem, passages: Passages, options: JudgeOptions) => ItemFinding;

const RULES: Partial<Record<ItemId, Rule>> = {
  K04: judgeSenco,
  K11: judgeParentSupport,
  K13: judgeLocalOffer,
  E04: judgeAccessibilityPlan,
  C01: judgeLookedAfter,
  C02: judgeContribution,
  C03: judgeContacts,
  C04: judgePlainLanguage,
  D01: judgeDated,
  D02: judgeGovernance,
};

export function judgeItems(passages: Passages, options: JudgeOptions): ItemFinding[] {
  const findings: ItemFinding[] = [];
  for (const item of RUBRIC) {
    if (item.id === "D03") continue;
    if (item.mainstreamOnly && options.schoolType === "special") {
      findings.push(finding(item.id, "not_required", 0.9, ["Schedule 1 does not require special schools to publish this"]));
      continue;
    }
    const rule = RULES[item.id];
    findings.push(rule ? rule(item, passages, options) : judgeSection(item, passages, options));
  }
  findings.push(judgeAccount(findings, passages));
  return findings;
}
