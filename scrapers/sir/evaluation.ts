/**
 * Scores the analyser against a labelled set (`<dir>/labels.json`): one pass over the reports,
 * counting label against result per item. Shared by `eval:sir` and `eval:sir:styles`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseHtml, analyseText, type AnalyseOptions } from "../../src/analyser";
import type { AnalysisResult } from "../../src/analyser/result";
import { ITEM_IDS } from "../../src/analyser/rubric";
import { schoolFromPhase } from "../../src/analyser/school-kind";

export type Status = "present" | "vague" | "missing" | "not_required";
export const STATUSES: Status[] = ["present", "vague", "missing", "not_required"];

export interface Label {
  file: string;
  phase: string;
  items: Record<string, { status: Status; reason: string }>;
}

/** A report as the analyser is given it: HTML, or text (from a PDF). */
export interface Report {
  text: string;
  kind: "html" | "text";
}

export interface EvaluationOptions {
  asOf: string;
  /** Read school type and phase from the text rather than from each label's phase. */
  inferSchool?: boolean;
  /** Changes each report before it is analysed (see restyle.ts); the labels still apply. */
  transform?: (report: Report) => Report;
  /** Called for every item whose status differs from its label; `file` names it as perFile does. */
  onError?: (label: Label, id: string, result: AnalysisResult, file: string) => void;
}

/** The figures a confusion of labels against the analyser's statuses gives. */
export interface Scores {
  right: number;
  total: number;
  /** Items labelled `gold` that the analyser called `got` ("*" for any). */
  count: (gold: Status | "*", got: Status | "*") => number;
  accuracy: number;
  missingRecall: number;
  missingPrecision: number;
  vaguePrecision: number;
  vagueRecall: number;
  vagueF1: number;
}

export interface Evaluation extends Scores {
  reports: number;
  perItem: Map<string, { right: number; total: number }>;
  perFile: Array<[string, number, number]>;
  /** Each set's own figures, in the order given. */
  perSet: Array<{ dir: string } & Scores>;
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Scores one labelled set, or several pooled as one (files then named by their set's folder). */
export function evaluate(dirs: string | readonly string[], options: EvaluationOptions): Evaluation {
  const sets = typeof dirs === "string" ? [dirs] : dirs;
  const labelled = sets.flatMap((dir) =>
    (JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as Label[]).map((label) => ({ dir, label, name: sets.length > 1 ? `${path.basename(dir)}/${label.file}` : label.file })),
  );
  const confusions = new Map(sets.map((dir) => [dir, new Map<string, number>()]));
  const perItem = new Map<string, { right: number; total: number }>();
  const perFile: Array<[string, number, number]> = [];
  for (const { dir, label, name } of labelled) {
    const raw: Report = { text: readFileSync(path.join(dir, label.file), "utf8"), kind: label.file.endsWith(".html") ? "html" : "text" };
    const report = options.transform ? options.transform(raw) : raw;
    const analyseOptions: AnalyseOptions = { asOf: options.asOf, ...(options.inferSchool ? {} : schoolFromPhase(label.phase)) };
    const result = report.kind === "html" ? analyseHtml(report.text, analyseOptions) : analyseText(report.text, analyseOptions);
    const confusion = confusions.get(dir)!;
    let fileRight = 0;
    for (const id of ITEM_IDS) {
      const gold = label.items[id]?.status;
      if (!gold) continue;
      const got = result.items[id].status;
      confusion.set(`${gold}>${got}`, (confusion.get(`${gold}>${got}`) ?? 0) + 1);
      const entry = perItem.get(id) ?? { right: 0, total: 0 };
      entry.total++;
      if (gold === got) {
        entry.right++;
        fileRight++;
      } else options.onError?.(label, id, result, name);
      perItem.set(id, entry);
    }
    perFile.push([name, fileRight, ITEM_IDS.length]);
  }
  const pooled = new Map<string, number>();
  for (const confusion of confusions.values()) for (const [key, n] of confusion) pooled.set(key, (pooled.get(key) ?? 0) + n);
  return {
    reports: labelled.length,
    perItem,
    perFile,
    perSet: sets.map((dir) => ({ dir, ...scores(confusions.get(dir)!) })),
    ...scores(pooled),
  };
}

/** Accuracy, missing recall and precision, and vague F1 from counts keyed "label>analyser". */
function scores(confusion: Map<string, number>): Scores {
  const count = (gold: Status | "*", got: Status | "*") =>
    [...confusion].filter(([key]) => {
      const [g, p] = key.split(">");
      return (gold === "*" || g === gold) && (got === "*" || p === got);
    }).reduce((sum, [, n]) => sum + n, 0);
  const right = STATUSES.reduce((sum, status) => sum + count(status, status), 0);
  const total = count("*", "*");
  const vaguePrecision = ratio(count("vague", "vague"), count("*", "vague"));
  const vagueRecall = ratio(count("vague", "vague"), count("vague", "*"));
  return {
    right,
    total,
    count,
    accuracy: ratio(right, total),
    missingRecall: ratio(count("missing", "missing"), count("missing", "*")),
    missingPrecision: ratio(count("missing", "missing"), count("*", "missing")),
    vaguePrecision,
    vagueRecall,
    vagueF1: ratio(2 * vaguePrecision * vagueRecall, vaguePrecision + vagueRecall),
  };
}
