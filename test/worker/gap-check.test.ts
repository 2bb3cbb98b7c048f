import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem, raw, type Json } from "./helpers";
import { loadOapFixture } from "./oap-fixture";

beforeAll(() => loadOapFixture(env.DB));

function post(body: unknown, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  return raw("/v1/gap-check", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function check(body: unknown): Promise<Json> {
  const res = await post(body);
  expect(res.status).toBe(200);
  return res.json<Json>();
}

const keys = (list: Json[]) => list.map((entry: Json) => entry.key).sort();

describe("POST /v1/gap-check", () => {
  it("matches the parent's own words to the guide and lists what is not covered, with questions", async () => {
    const body = await check({
      la: "camden",
      areas: ["CI"],
      receives: ["She has a picture timetable on her desk", "", "Lego club at lunchtime", "Social stories before school trips"],
    });
    expect(body.local_authority).toMatchObject({ la_code: "202", name: "Camden", slug: "camden" });
    expect(body.areas).toEqual(["WS", "CI"]);
    // The need descriptor (fx-cam-05) is not support, so it is not expected.
    expect(body.summary).toMatchObject({ expected: 4, covered: 2, not_covered: 2, unmatched_lines: 1 });
    expect(keys(body.covered)).toEqual(["item:social_stories", "item:visual_timetable"]);
    const timetable = body.covered.find((e: Json) => e.key === "item:visual_timetable");
    expect(timetable).toMatchObject({
      item_id: "visual_timetable",
      area: "WS",
      ticked: false,
      guidance: ["Each class shows a visual timetable and refers to it through the day."],
      statement_ids: ["fx-cam-01"],
      matched_lines: [{ line: 0, text: "She has a picture timetable on her desk", fragment: "picture timetable", score: 0.95 }],
    });
    expect(keys(body.not_covered)).toEqual(["item:chunked_instructions", "item:now_next_board"]);
    const board = body.not_covered.find((e: Json) => e.key === "item:now_next_board");
    expect(board.tier_labels).toEqual(["Everyone"]);
    expect(board.question).toBe(
      "Does my child get now-and-next board? Camden's guide expects schools to give this from their own budget to pupils who need it. If my child does not get it, why not, and what is done instead?",
    );
    // Blank lines keep their place: "Lego club" was the third line sent.
    expect(body.unmatched_lines).toEqual([{ line: 2, text: "Lego club at lunchtime", other_items: [], note: expect.stringContaining("ask the school") }]);
    expect(body.summary.text).toContain("covers 2. 2 may be missing");
    expect(body.coverage.status).toBeTypeOf("string");
  });

  it("counts vocabulary ids as ticked, and reports lines naming items the guide does not list for these areas", async () => {
    const body = await check({ la: "202", areas: ["CI"], item_ids: ["now_next_board", "chunked_instructions"], receives: ["Weekly ELSA sessions"] });
    expect(keys(body.covered)).toEqual(["item:chunked_instructions", "item:now_next_board"]);
    expect(body.covered.every((e: Json) => e.ticked && e.matched_lines.length === 0)).toBe(true);
    expect(body.unmatched_lines).toEqual([expect.objectContaining({ line: 0, other_items: [{ id: "elsa", label: "ELSA sessions" }] })]);
  });

  it("uses a school's LA, narrows by phase, and links a meeting checklist of the gaps", async () => {
    const all = await check({ school_urn: 100006, areas: ["CI", "CL"] });
    expect(all.school).toMatchObject({ urn: 100006, name: "Heath School" });
    expect(all.local_authority.la_code).toBe("202");
    expect(keys(all.not_covered)).toContain("item:literacy_intervention");
    const early = await check({ school_urn: 100006, areas: ["CI", "CL"], phase: "EY" });
    // The reading intervention is written for KS2 and KS3 only; the now-and-next board for KS1 and KS2.
    expect(keys(early.not_covered)).not.toContain("item:literacy_intervention");
    expect(keys(early.not_covered)).not.toContain("item:now_next_board");
    const link = new URL(early._links.meeting_checklist.href, "http://x");
    expect(link.pathname).toBe("/meeting-checklist");
    expect(link.searchParams.getAll("area")).toEqual(["CI", "CL"]);
    expect(link.searchParams.get("stage")).toBe("EY");
    expect(link.searchParams.get("school")).toBe("100006");
    expect(link.searchParams.getAll("gap").sort()).toEqual(keys(early.not_covered));
  });

  it("leaves out tiers the LA counts as beyond ordinarily available provision", async () => {
    const body = await check({ la: "camden", areas: ["SP"], receives: ["a radio aid"] });
    // The radio aid is tier "Few", which Camden marks as not within OAP.
    expect([...keys(body.covered), ...keys(body.not_covered)]).not.toContain("item:radio_aid");
    // A sentence that names no vocabulary item is still expected, and asked about in the guide's words.
    const seat = body.not_covered.find((e: Json) => e.key === "statement:fx-cam-11");
    expect(seat).toMatchObject({ item_id: null });
    expect(seat.question).toContain("Camden's guide says:");
  });

  it("says plainly when there is nothing to check against", async () => {
    const body = await check({ la: "201", areas: ["CI"], receives: ["visual timetable"] });
    expect(body.summary).toMatchObject({ expected: 0, covered: 0, not_covered: 0 });
    expect(body.summary.text).toContain("cannot check for gaps");
    expect(body.coverage.status).toBe("not_found_yet");
  });

  it("sees a data change at once, though what it reads is kept between requests", async () => {
    const before = await check({ la: "camden", areas: ["CI"] });
    expect(keys(before.not_covered)).toContain("item:now_next_board");
    await env.DB.prepare("UPDATE statement_parts SET item_id = NULL WHERE statement_id = 'fx-cam-03'").run();
    try {
      const after = await check({ la: "camden", areas: ["CI"] });
      expect(keys(after.not_covered)).not.toContain("item:now_next_board");
      expect(keys(after.not_covered)).toContain("statement:fx-cam-03");
    } finally {
      await env.DB.prepare("UPDATE statement_parts SET item_id = 'now_next_board' WHERE statement_id = 'fx-cam-03'").run();
    }
  });

  it("refuses bad bodies field by field with 422, and other media types with 415", async () => {
    const neither = await expectProblem(await post({ areas: ["CI"] }), 422, "validation_failed");
    expect(Object.keys(neither.errors)).toEqual(["la"]);
    const both = await expectProblem(await post({ la: "camden", school_urn: 100006, areas: ["CI"] }), 422, "validation_failed");
    expect(Object.keys(both.errors)).toEqual(["la"]);
    const fields = await expectProblem(await post({ la: "camden", areas: ["XX"], receives: "one line", extra: 1 }), 422, "validation_failed");
    expect(Object.keys(fields.errors).sort()).toEqual(["areas[0]", "extra", "receives"]);
    const unknownLa = await expectProblem(await post({ la: "atlantis", areas: ["CI"] }), 422, "validation_failed");
    expect(unknownLa.errors.la[0].message).toContain("atlantis");
    const unknownSchool = await expectProblem(await post({ school_urn: 999999, areas: ["CI"] }), 422, "validation_failed");
    expect(Object.keys(unknownSchool.errors)).toEqual(["school_urn"]);
    const unknownItem = await expectProblem(await post({ la: "camden", areas: ["CI"], item_ids: ["visual_timetable", "made_up"] }), 422, "validation_failed");
    expect(Object.keys(unknownItem.errors)).toEqual(["item_ids[1]"]);
    const tooMany = await expectProblem(await post({ la: "camden", areas: ["CI"], receives: Array.from({ length: 201 }, () => "x") }), 422, "validation_failed");
    expect(Object.keys(tooMany.errors)).toEqual(["receives"]);
    await expectProblem(await post("{not json"), 400, "bad_request");
    await expectProblem(await post("la=camden", { "Content-Type": "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
    await expectProblem(await post("{}", {}), 415, "unsupported_media_type");
  });
});
