import { env } from "cloudflare:test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { ANALYSER_VERSION, analyseHtml } from "../../src/analyser";
import { database } from "../../src/db/client";
import { saveReportAnalysis } from "../../src/db/queries/reports";
import strongHtml from "../fixtures/sir/accordion-strong.html?raw";
import weakText from "../fixtures/sir/template-weak.txt?raw";
import { expectProblem, get, raw, type Json } from "./helpers";

const post = (body: BodyInit, type: string | null, query = "") =>
  raw(`/v1/reports/analyse${query}`, { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

async function textPdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 790 - i * 18, size: 11, font }));
  return pdf.save();
}

describe("POST /v1/reports/analyse", () => {
  it("analyses an HTML upload and keys items by rubric id", async () => {
    const res = await post(strongHtml, "text/html; charset=utf-8", "?as_of=2026-03-01");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json<Json>();
    expect(Object.keys(body.analysis.items)).toHaveLength(30);
    expect(body.analysis.items.K03e.status).toBe("present");
    expect(body.analysis.as_of).toBe("2026-03-01");
    expect(body.source).toMatchObject({ kind: "upload", url: null, content_type: "html", bytes: new TextEncoder().encode(strongHtml).byteLength });
    expect(body.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    // A live analysis goes back to the person who sent it, contacts and all.
    expect(body.analysis.redacted).toBe(false);
    expect(JSON.stringify(body.analysis.items.K04.evidence)).toContain("inclusion@quillfield.example.sch.uk");
  });

  it("analyses plain text, flags what is vague, and asks questions for it", async () => {
    const res = await post(weakText, "text/plain", "?as_of=2026-03-01");
    const body = await res.json<Json>();
    expect(body.analysis.items.K11).toMatchObject({ status: "vague" });
    expect(body.analysis.items.K11.reasons.join(" ")).toMatch(/Parent Partnership/);
    expect(body.analysis.document.stale).toBe(true);
    expect(body.analysis.questions.map((q: { item: string }) => q.item)).toContain("K11");
  });

  it("reads a report whose stated date is no real day without failing (it was a 500)", async () => {
    const res = await post("SEN Information Report\n\nReview date: 2025-13-45. Our SENCO is Ms Rahman.", "text/plain", "?as_of=2026-03-01");
    expect(res.status).toBe(200);
    expect((await res.json<Json>()).analysis.document.review_date).toBeNull();
  });

  it("reads a page nested 5,000 elements deep (it overflowed the stack: a 500)", async () => {
    const res = await post(`<h1>SEN Information Report</h1>${"<div>".repeat(5_000)}<p>Our SENCO is Ms Rahman.</p>`, "text/html", "?as_of=2026-03-01");
    expect(res.status).toBe(200);
    expect(JSON.stringify((await res.json<Json>()).analysis.items.K04.evidence)).toContain("Ms Rahman");
  });

  it("does not ask a special school for items Schedule 1 does not require of it", async () => {
    const body = await (await post(weakText, "text/plain", "?school_type=special")).json<Json>();
    expect(body.analysis.items.K02.status).toBe("not_required");
    expect(body.analysis.items.K04.status).toBe("not_required");
    expect(body.analysis.document.school_type).toBe("special");
  });

  it("analyses a PDF with a text layer, with page numbers in the evidence", async () => {
    const bytes = await textPdf([
      "Who is the SENCO?",
      "Our SENCO is Mrs Rosa Pell. Email senco@pellfield.example.sch.uk.",
      "Where is the Local Offer?",
      "The council's Local Offer is at www.council.example.org/local-offer",
    ]);
    const res = await post(bytes, "application/pdf");
    expect(res.status).toBe(200);
    const body = await res.json<Json>();
    expect(body.source.content_type).toBe("pdf");
    expect(body.analysis.items.K04.status).toBe("present");
    expect(body.analysis.items.K13.evidence[0].page).toBe(1);
  }, 30_000); // the first PDF read in workerd loads pdf.js, which takes seconds on a busy machine

  it("refuses a PDF without a text layer with the reason", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 40, y: 40, width: 500, height: 700 });
    const problem = await expectProblem(await post(await pdf.save(), "application/pdf"), 422, "unprocessable_content");
    expect(problem.detail).toMatch(/OCR/);
  }, 30_000);

  it("refuses a body sent as PDF that is not one, an empty body and text that is not UTF-8", async () => {
    await expectProblem(await post("<html><p>not a pdf</p></html>", "application/pdf"), 422, "unprocessable_content");
    await expectProblem(await post("", "text/plain"), 422, "unprocessable_content");
    const problem = await expectProblem(await post(new Uint8Array([0x53, 0x45, 0x4e, 0xff, 0xfe, 0x20]), "text/plain"), 422, "unprocessable_content");
    expect(problem.detail).toMatch(/UTF-8/);
  });

  it("answers 415 for a media type it does not read", async () => {
    await expectProblem(await post(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png"), 415, "unsupported_media_type");
    // A byte body without a Content-Type (a string body would be sent as text/plain).
    await expectProblem(await post(new TextEncoder().encode("some text"), null), 415, "unsupported_media_type");
  });

  it("answers 413 for a report over 5 MB", async () => {
    const big = "x".repeat(5 * 1024 * 1024 + 10);
    await expectProblem(await post(big, "text/plain"), 413, "payload_too_large");
  });

  it.each([
    "http://127.0.0.1/report",
    "http://2130706433/report",
    "http://0177.0.0.1/report",
    "http://0x7f.0.0.1/report",
    "http://[::1]/report",
    "http://169.254.169.254/latest/meta-data",
    "http://localhost/report",
    "http://intranet/report",
    "http://school.example.org:22/report",
    "ftp://school.example.org/report.pdf",
    "file:///etc/passwd",
    "not a url",
  ])("refuses to fetch %s, naming the url field", async (url) => {
    const res = await post(JSON.stringify({ url }), "application/json");
    const problem = await expectProblem(res, 422, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["url"]);
  });

  it("validates the JSON body and the query", async () => {
    const missing = await expectProblem(await post("{}", "application/json"), 422, "validation_failed");
    expect(Object.keys(missing.errors)).toEqual(["url"]);
    const extra = await expectProblem(await post(JSON.stringify({ url: "https://a.example.org/", school: 1 }), "application/json"), 422, "validation_failed");
    expect(Object.keys(extra.errors)).toEqual(["school"]);
    await expectProblem(await post("{not json", "application/json"), 400, "bad_request");
    const query = await expectProblem(await post(weakText, "text/plain", "?as_of=1st%20March"), 400, "validation_failed");
    expect(Object.keys(query.errors)).toEqual(["as_of"]);
  });

  it("lets browsers send reports from any origin", async () => {
    const res = await raw("/v1/reports/analyse", {
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("GET /v1/schools/{urn}/report", () => {
  const store = (urn: number, analysedAt: string) =>
    saveReportAnalysis(database(env.DB), {
      urn,
      url: `https://school.example.sch.uk/send?${analysedAt}`,
      finalUrl: "https://school.example.sch.uk/send/",
      retrievedAt: analysedAt,
      sha256: "a".repeat(64),
      contentType: "html",
      method: "scraped",
      analysedAt,
      result: analyseHtml(strongHtml, { asOf: "2026-03-01" }),
    });

  it("answers 404 for a school with no stored analysis, and for an unknown school", async () => {
    const none = await expectProblem(await raw("/v1/schools/100001/report"), 404, "not_found");
    expect(none.detail).toMatch(/No SEN Information Report/);
    await expectProblem(await raw("/v1/schools/99999999/report"), 404, "not_found");
    await expectProblem(await raw("/v1/schools/abc/report"), 400, "validation_failed");
  });

  it("serves the latest stored analysis with provenance, emails and phone numbers removed", async () => {
    await store(100000, "2026-01-10T10:00:00.000Z");
    const latestId = await store(100000, "2026-02-10T10:00:00.000Z");
    const { res, body } = await get("/v1/schools/100000/report");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(body.provenance).toMatchObject({ method: "scraped", analysed_at: "2026-02-10T10:00:00.000Z", final_url: "https://school.example.sch.uk/send/", analyser_version: ANALYSER_VERSION });
    expect(body._links).toEqual({ self: { href: "/v1/schools/100000/report" }, school: { href: "/v1/schools/100000" } });
    expect(body.analysis.redacted).toBe(true);
    const quotes = JSON.stringify(body.analysis);
    expect(quotes).not.toMatch(/@quillfield|01632 960517/);
    expect(quotes).toContain("[email removed]");
    expect(quotes).toContain("[phone removed]");
    const rows = await env.DB.prepare("SELECT item_id, status, evidence FROM report_item_results WHERE analysis_id = ?").bind(latestId).all<{ item_id: string; status: string; evidence: string }>();
    expect(rows.results).toHaveLength(30);
    expect(rows.results.find((r) => r.item_id === "K04")!.evidence).not.toContain("@quillfield");
  });

  it("records the snapshots a scraped analysis was read from, once each", async () => {
    const db = database(env.DB);
    const snapshot = {
      sha256: "b".repeat(64),
      url: "https://school.example.sch.uk/send/",
      finalUrl: "https://school.example.sch.uk/send/",
      retrievedAt: "2026-02-11T09:00:00.000Z",
      httpStatus: 200,
      contentType: "html",
      declaredContentType: "text/html",
      bytes: 1234,
      storageKey: `sir/${"b".repeat(64)}`,
    };
    const record = {
      urn: 100002,
      url: snapshot.url,
      finalUrl: snapshot.finalUrl,
      retrievedAt: snapshot.retrievedAt,
      sha256: snapshot.sha256,
      contentType: "html",
      method: "scraped" as const,
      analysedAt: "2026-02-11T09:00:01.000Z",
      result: analyseHtml(strongHtml, { asOf: "2026-03-01" }),
    };
    await saveReportAnalysis(db, record, [snapshot]);
    await saveReportAnalysis(db, { ...record, analysedAt: "2026-02-12T09:00:01.000Z" }, [snapshot]);
    const rows = await env.DB.prepare("SELECT url, storage_key FROM snapshots WHERE sha256 = ?").bind(snapshot.sha256).all();
    expect(rows.results).toEqual([{ url: snapshot.url, storage_key: snapshot.storageKey }]);
    expect((await get("/v1/schools/100002/report")).body.provenance.analysed_at).toBe("2026-02-12T09:00:01.000Z");
  });

  it("is described in the OpenAPI document with its result schema", async () => {
    const { body } = await get("/openapi.json");
    expect(body.paths["/v1/reports/analyse"].post.operationId).toBe("analyseReport");
    expect(body.paths["/v1/schools/{urn}/report"].get.operationId).toBe("getSchoolReportAnalysis");
    expect(Object.keys(body.components.schemas.ReportAnalysis.properties.items.properties)).toHaveLength(30);
  });
});
