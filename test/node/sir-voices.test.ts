// The analyser on invented reports written in voices unlike the development set (see
// test/fixtures/sir-voices/README.md): a guard that a change to the rules does not fit one set
// of reports at the expense of others. The bounds are the targets with a margin.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../scrapers/sir/evaluation";

const voices = path.resolve(import.meta.dirname, "../fixtures/sir-voices");

const SETS = ["a", "b", "c", "d", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"];

describe("reports in other voices", () => {
  for (const set of SETS) {
    it(`judges set ${set} as its labels do`, () => {
      const result = evaluate(path.join(voices, set), { asOf: "2026-03-01" });
      expect(result.reports).toBeGreaterThanOrEqual(4);
      expect(result.accuracy).toBeGreaterThanOrEqual(0.88);
      expect(result.missingRecall).toBeGreaterThanOrEqual(0.9);
      expect(result.vagueF1).toBeGreaterThanOrEqual(0.8);
    });
  }

  it("pools several sets as one: every label counted once, files named by their set", () => {
    const dirs = ["i", "j", "k"].map((set) => path.join(voices, set));
    const each = dirs.map((dir) => evaluate(dir, { asOf: "2026-03-01" }));
    const pooled = evaluate(dirs, { asOf: "2026-03-01" });
    expect(pooled.reports).toBe(each.reduce((n, e) => n + e.reports, 0));
    expect(pooled.right).toBe(each.reduce((n, e) => n + e.right, 0));
    expect(pooled.count("missing", "missing")).toBe(each.reduce((n, e) => n + e.count("missing", "missing"), 0));
    expect(pooled.perSet.map((set) => [set.dir, set.right, set.total, set.missingRecall, set.vagueF1])).toEqual(each.map((e, i) => [dirs[i], e.right, e.total, e.missingRecall, e.vagueF1]));
    expect(pooled.perFile.map(([file]) => file.split("/")[0])).toEqual(each.flatMap((e, i) => e.perFile.map(() => ["i", "j", "k"][i])));
  });
});
