// The word index decides which sentences a pattern is run on, the pattern set which heading
// patterns run on a heading, and the lexicon scan which names are tried at each word: a wrong
// prefix would silently drop a finding. These tests hold all three to the plain regular
// expressions, on every pattern the analyser uses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OUTDATED_TERMS } from "../../src/analyser/document";
import { headingMatcher } from "../../src/analyser/items";
import { findProgrammes, LEXICON } from "../../src/analyser/programmes";
import { FACT_CUES, RUBRIC } from "../../src/analyser/rubric";
import { segment } from "../../src/analyser/segment";
import { ASPIRATION, DEFLECTION, DUTY_RESTATEMENT, GENERIC, hasSignal, HEDGE, SIGNAL_PATTERNS, type SignalName } from "../../src/analyser/signals";
import { patternClauses, patternPrefixes, PatternSet, WordIndex } from "../../src/analyser/word-index";
import { htmlToBlocks } from "../../src/extract/html";
import { textToBlocks } from "../../src/extract/text";
import { execAll } from "../../src/lib/exec-all";
import strongHtml from "../fixtures/sir/accordion-strong.html?raw";
import tableHtml from "../fixtures/sir/table-secondary.html?raw";
import weakText from "../fixtures/sir/template-weak.txt?raw";

/** Every regular expression reachable from the rubric, the cues, the signals and the lexicon. */
function patternsIn(value: unknown, into = new Set<RegExp>()): Set<RegExp> {
  if (value instanceof RegExp) into.add(value);
  else if (value instanceof Map || value instanceof Set) for (const v of value.values()) patternsIn(v, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) patternsIn(v, into);
  return into;
}
const PATTERNS = [...patternsIn([RUBRIC, FACT_CUES, SIGNAL_PATTERNS, HEDGE, GENERIC, DEFLECTION, DUTY_RESTATEMENT, ASPIRATION, OUTDATED_TERMS, LEXICON.map((e) => e.probe)])];

const plainTest = (pattern: RegExp, text: string) => {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
};

function fixtureSentences(): string[] {
  const matcher = headingMatcher();
  const isTopic = (heading: string) => matcher(heading).length > 0;
  return [htmlToBlocks(strongHtml).blocks, htmlToBlocks(tableHtml).blocks, textToBlocks(weakText)].flatMap((blocks) => segment(blocks, isTopic).sentences.map((s) => s.text));
}

/** An index built after every pattern has been asked once, so all their prefixes are in the trie. */
function warmIndex(texts: string[]): WordIndex {
  const first = new WordIndex(texts);
  for (const pattern of PATTERNS) first.test(pattern, 0);
  return new WordIndex(texts);
}

// Words the patterns start with or must hold, so generated sentences hit the index's prefixes
// often, and hold some but not all of the words a pattern needs.
const INDEX_WORDS = [...new Set(PATTERNS.flatMap((p) => [...(patternPrefixes(p) ?? []), ...(patternClauses(p)?.flat(2) ?? [])]))];
const wordArb = fc.oneof(
  fc.constantFrom(...INDEX_WORDS),
  fc.constantFrom(...INDEX_WORDS).map((w) => w.toUpperCase()),
  fc.constantFrom(...INDEX_WORDS).map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}s`),
  fc.constantFrom("the", "SENCO", "Mrs Patel", "every week", "20 minutes", "İstanbul", "K", "co-ordinator", "01632 960123", "(EHCP)", "2025-26", "’s", "annual review", "annual reviews"),
  fc.string({ maxLength: 6 }),
);
const sentenceArb = fc.tuple(fc.array(wordArb, { minLength: 1, maxLength: 14 }), fc.constantFrom(" ", ", ", ". ", " - ", ": ", "\n", "_")).map(([words, gap]) => words.join(gap));

describe("the word index", () => {
  it("reads the leading literals of \\b-led branches, and declines anything else", () => {
    expect(patternPrefixes(/\bSENC?O\b/)).toEqual(["sen"]);
    expect(patternPrefixes(/\b(?:may|might)\b|\bcould\b/i)).toEqual(["may", "might", "could"]);
    expect(patternPrefixes(/\b(The )?Decider( Skills)/)).toEqual(["the", "decider"]);
    expect(patternPrefixes(/\bsen(?:d)? co-?ordinator/)).toEqual(["sen"]);
    expect(patternPrefixes(/govern|board/)).toBeNull();
    expect(patternPrefixes(/\bfoo|bar/)).toBeNull();
    expect(patternPrefixes(/\b[A-Z]{2,}/)).toBeNull();
    expect(patternPrefixes(/\b(?:ab)*c/)).toBeNull();
    expect(patternPrefixes(/(?<!not )\bhas/)).toBeNull();
    expect(patternPrefixes(/\bfoo/u)).toBeNull();
  });

  it("reads the words every match of a branch holds, and only where they must start a word", () => {
    // An optional separator between letters is read both ways: with it, and run together.
    expect(patternClauses(/\bsen(?:d)? co-?ordinator/)).toEqual([[["sen"], ["co"], ["ordinator"]], [["sen"], ["coordinator"]]]);
    expect(patternClauses(/\bP[- ]?scales?\b/)).toEqual([[["p"], ["scale"]], [["pscale"]]]);
    expect(patternClauses(/\bfoo-??bar/)).toEqual([[["foo"]]]);
    expect(patternClauses(/\b(The )?Decider( Skills)/)).toEqual([[["decider"], ["skills"]]]);
    // A group of alternatives opening a branch is spread over it: each alternative is a branch.
    expect(patternClauses(/\b(?:a (?:wide |broad )?range of|various)\b/i)).toEqual([[["a"], ["range"], ["of"]], [["various"]]]);
    expect(patternClauses(/\b(?:kinds?|types?) of needs\b/)).toEqual([[["kind"], ["of"], ["needs"]], [["type"], ["of"], ["needs"]]]);
    expect(patternClauses(/\b(?:we (?:value|believe)|is important to us)\b/)).toEqual([[["we"], ["value", "believe"]], [["is"], ["important"], ["to"], ["us"]]]);
    // Elsewhere, or repeated, a group that must be there needs one word from each alternative.
    expect(patternClauses(/\bsee (?:our|the) policy\b/)).toEqual([[["see"], ["our", "the"], ["policy"]]]);
    expect(patternClauses(/\b(?:ab|cd)+ ef/)).toEqual([[["ab", "cd"], ["ef"]]]);
    expect(patternClauses(/\bhalf[- ]termly\b/)).toEqual([[["half"], ["termly"]]]);
    // A branch needing all another needs and more adds no candidate, so it is dropped.
    expect(patternClauses(/\b(?:one|two|\d) (?:short-term )?targets\b/)).toEqual([[["targets"]]]);
    expect(patternClauses(/\bSENCO\b|\bSENCO co-?ordinator\b/)).toEqual([[["senco"]]]);
    expect(patternClauses(/(?<!not )\bhas\b/)).toEqual([[["has"]]]);
    // Optional or unknown characters between words leave the next word's start unknown.
    expect(patternClauses(/\bfoo\s*bar/)).toEqual([[["foo"]]]);
    expect(patternClauses(/\bfoo\w*bar/)).toEqual([[["foo"]]]);
    expect(patternClauses(/\bhalf\W?termly/)).toEqual([[["half"]]]);
    expect(patternClauses(/\b(?:ab)*c d/)).toEqual([[["d"]]]);
    expect(patternClauses(/\b(?:ab)*cd/)).toBeNull();
    expect(patternClauses(/govern|\bboard/)).toBeNull();
    expect(patternClauses(/\bfoo/u)).toBeNull();
    // The start of the text starts a word, unless "m" makes "^" the start of any line.
    expect(patternClauses(/^access$|\bphysical help/)).toEqual([[["access"]], [["physical"], ["help"]]]);
    expect(patternClauses(/^access$/m)).toBeNull();
  });

  it("runs a pattern whose words it learnt after reading the texts, rather than ruling texts out", () => {
    const texts = ["a zebra crossing near the school", "cases of bullying are logged by the zebraq team"];
    // Every word of this pattern is new to the shared trie when the index reads the texts.
    const unseen = /\bzebra crossing\b/;
    expect(new WordIndex(texts).test(unseen, 0)).toBe(true);
    // One word known before the texts were read ("bullying", learnt here first), one not.
    new WordIndex(["bullying"]).test(/\bbullying\b/, 0);
    const mixed = /\bbullying\b[^.]{0,40}\bzebraq\b/;
    const index = new WordIndex(texts);
    expect([index.test(mixed, 0), index.test(mixed, 1)]).toEqual([false, true]);
  });

  it("gives the same answer as the pattern itself, for every pattern on every fixture sentence", () => {
    const texts = fixtureSentences();
    const index = warmIndex(texts);
    const wrong: string[] = [];
    for (const pattern of PATTERNS) {
      texts.forEach((text, i) => {
        if (index.test(pattern, i) !== plainTest(pattern, text)) wrong.push(`${pattern.source.slice(0, 40)} on "${text.slice(0, 60)}"`);
      });
      // The same texts, listed in order, when asked for all of them at once.
      const listed = index.textsMatching(pattern);
      const expected = texts.flatMap((text, i) => (plainTest(pattern, text) ? [i] : []));
      if (JSON.stringify(listed) !== JSON.stringify(expected)) wrong.push(`${pattern.source.slice(0, 40)} lists ${listed} for ${expected}`);
    }
    // Several patterns at once: the texts any of them matches, each once, in order.
    for (let p = 0; p + 1 < PATTERNS.length; p += 2) {
      const [a, b] = [PATTERNS[p]!, PATTERNS[p + 1]!];
      const listed = index.textsMatching(a, b);
      const expected = texts.flatMap((text, i) => (plainTest(a, text) || plainTest(b, text) ? [i] : []));
      if (JSON.stringify(listed) !== JSON.stringify(expected)) wrong.push(`${a.source.slice(0, 20)} or ${b.source.slice(0, 20)} lists ${listed} for ${expected}`);
    }
    expect(wrong).toEqual([]);
    // Texts in every 32-bit word of a row are listed.
    expect(texts.length).toBeGreaterThan(64);
    // Most patterns are prefiltered; if none were, this test would prove nothing.
    expect(PATTERNS.filter((p) => patternPrefixes(p)).length).toBeGreaterThan(PATTERNS.length / 2);
  });

  it("gives the same answer as the pattern itself on generated sentences", () => {
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 8 }), (texts) => {
        const index = warmIndex(texts);
        for (const pattern of PATTERNS) {
          texts.forEach((text, i) => expect(index.test(pattern, i), `${pattern} on ${JSON.stringify(text)}`).toBe(plainTest(pattern, text)));
          expect(index.textsMatching(pattern)).toEqual(texts.flatMap((text, i) => (plainTest(pattern, text) ? [i] : [])));
        }
      }),
      { numRuns: 40, seed: 20261128 },
    );
  });

  it("allows every sentence that has a signal, the frequency test's rewrite of annual reviews included", () => {
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 8 }), (texts) => {
        const index = warmIndex(texts);
        for (const name of Object.keys(SIGNAL_PATTERNS) as SignalName[]) {
          texts.forEach((text, i) => {
            if (hasSignal(name, text)) expect(index.mayMatch(SIGNAL_PATTERNS[name], i), `${name} on ${JSON.stringify(text)}`).toBe(true);
          });
        }
      }),
      { numRuns: 40, seed: 20261128 },
    );
  });

  it("never rules out a set of sentences whose joined text the pattern matches", () => {
    // A branch's words split between two sentences: neither could match alone, the two joined can.
    const split = /\bbullying\b[^.]{0,80}\b(?:recorded|reported)\b/;
    const texts = ["We take bullying seriously", "every case is recorded"];
    new WordIndex(texts).test(split, 0);
    const index = new WordIndex(texts);
    expect([index.mayMatch(split, 0), index.mayMatch(split, 1)]).toEqual([false, false]);
    expect(plainTest(split, texts.join(" \n "))).toBe(true);
    expect(index.mayMatchAny(split, [0, 1])).toBe(true);
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 6 }), (texts) => {
        const index = warmIndex(texts);
        const all = texts.map((_, i) => i);
        for (const pattern of PATTERNS) if (plainTest(pattern, texts.join(" \n "))) expect(index.mayMatchAny(pattern, all), String(pattern)).toBe(true);
      }),
      { numRuns: 40, seed: 20261128 },
    );
  });
});

describe("a pattern set", () => {
  /** A pattern that counts how often it is run. */
  class Counted extends RegExp {
    runs = 0;
    override test(text: string): boolean {
      this.runs++;
      return super.test(text);
    }
  }

  it("runs a pattern only on texts holding the words, or the leading literal, of one of its branches", () => {
    const words = new Counted("\\bspecial needs\\b|\\bsenco\\b", "i");
    const literal = new Counted("identif|\\bspot(?:ting)? needs");
    const unread = new Counted("\\b[a-z]+ing\\b");
    const set = new PatternSet([words, literal, unread]);
    const matching = ["Admissions", "Our SENCO", "How we identify needs", "spotting needs early"].map((text) => set.matching(text));
    expect(matching).toEqual([[], [0], [1], [1, 2]]);
    expect([words.runs, literal.runs, unread.runs]).toEqual([1, 2, 4]);
  });

  it("finds the patterns that match, as running each would, on fixture texts and generated ones, as written and lower-cased", () => {
    const set = new PatternSet(PATTERNS);
    const check = (texts: string[]) => {
      for (const text of texts.flatMap((t) => [t, t.toLowerCase()])) {
        const expected = PATTERNS.flatMap((pattern, i) => (plainTest(pattern, text) ? [i] : []));
        expect(set.matching(text), JSON.stringify(text)).toEqual(expected);
      }
    };
    check(fixtureSentences());
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 4 }), check),
      { numRuns: 40, seed: 20261128 },
    );
  });
});

/** The lexicon scan as it was first written: one alternation of all names per case mode. */
function programmesByAlternation(text: string) {
  const found: Array<{ name: string; index: number; text: string }> = [];
  for (const set of [0, 1] as const) {
    const entries = LEXICON.filter((e) => e.set === set);
    const alternation = new RegExp(entries.map((e) => e.probe.source).join("|"), set === 0 ? "gi" : "g");
    for (const match of text.matchAll(alternation)) {
      const entry = entries.find((e) => new RegExp(`^(?:${e.probe.source})$`, e.probe.flags).test(match[0]));
      if (entry) found.push({ name: entry.programme.name, index: match.index, text: match[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

describe("the programme scan", () => {
  const nameArb = fc.constantFrom(...LEXICON.map((e) => e.programme.name), "Lexia Core 5", "Read Write Inc", "The Decider Skills", "Catch Up Literacy", "SWST", "PUMA", "talk boost", "reading", "Switch");
  const textArb = fc.array(fc.oneof(nameArb, wordArb), { minLength: 1, maxLength: 12 }).map((words) => words.join(" "));

  it("finds what one alternation of all the names finds, in fixtures and generated text", () => {
    for (const text of fixtureSentences()) expect(findProgrammes(text).map(({ name, index, text: t }) => ({ name, index, text: t })), text).toEqual(programmesByAlternation(text));
    fc.assert(
      fc.property(textArb, (text) => {
        expect(findProgrammes(text).map(({ name, index, text: t }) => ({ name, index, text: t }))).toEqual(programmesByAlternation(text));
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});

describe("execAll", () => {
  it("returns what matchAll returns and leaves the pattern at the start", () => {
    const patterns = [/\b\w+\b/g, /a*/g, /(\d+)-(\d+)/g, /\bSEN\w*/gi];
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        for (const pattern of patterns) {
          expect(execAll(pattern, text).map((m) => [m.index, ...m])).toEqual([...text.matchAll(pattern)].map((m) => [m.index, ...m]));
          expect(pattern.lastIndex).toBe(0);
        }
      }),
      { numRuns: 200, seed: 20261128 },
    );
    expect(() => execAll(/x/, "x")).toThrow(TypeError);
    // With `until`, the scan stops after the first match it accepts, and still leaves the pattern at the start.
    const words = /\w+/g;
    expect(execAll(words, "one two three four", (m) => m[0].startsWith("t")).map((m) => m[0])).toEqual(["one", "two"]);
    expect(words.lastIndex).toBe(0);
  });
});
