// The analyser on invented reports written in voices unlike the development set (see
// test/fixtures/sir-voices/README.md): a guard that a change to the rules does not fit one set
// of reports at the expense of others. The bounds are the targets with a margin.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../scrapers/sir/evaluation";

const voices = path.resolve(import.meta.dirname, "../fixtures/sir-voices");

describe("reports in other voices", () => {
  for (const set of ["a", "b", "c", "d", "f", "g", "h", "i", "j", "k", "l", "m"]) {
    it(`judges set ${set} as its labels do`, () => {
      const result = evaluate(path.join(voices, set), { asOf: "2026-03-01" });
      expect(result.reports).toBeGreaterThanOrEqual(4);
      expect(result.accuracy).toBeGreaterThanOrEqual(0.88);
      expect(result.missingRecall).toBeGreaterThanOrEqual(0.9);
      expect(result.vagueF1).toBeGreaterThanOrEqual(0.8);
    });
  }
});
