// The scheduled refresh inside workerd, with miniflare's real D1, R2 and Queues: the Cron
// handler enqueues what is due, the consumer fetches the fixture sites (test/worker/refresh-sites.ts,
// served from Node on 127.0.0.1) with the polite client, snapshots to R2, and writes D1; a
// degraded re-scrape is held back; a site that keeps failing is retried and dead-lettered.
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import provisionsCsv from "../../data/vocabulary/provisions.csv?raw";
import schemesCsv from "../../data/vocabulary/tier-schemes.csv?raw";
import { ANALYSER_VERSION } from "../../src/analyser";
import { loadOapDataset } from "../../src/db/oap-load";
import { emptyTables } from "../../src/dataset/tables";
import { mergeInto, registryRows, schemeRows, vocabularyRows } from "../../src/normalise/dataset";
import { parseRegistryCsv } from "../../src/normalise/registry";
import { parseTierSchemesCsv } from "../../src/normalise/tiers";
import { parseVocabularyCsv } from "../../src/normalise/vocabulary";
import { REFRESH_DLQ, REFRESH_QUEUE, type RefreshMessage } from "../../src/refresh/messages";
import { retryDelaySeconds } from "../../src/refresh/consumer";
import { schoolSlotOf } from "../../src/refresh/schedule";
import worker from "../../src/index";

const origins = inject("refreshSites");
const HEADER = "id,la_code,la_name,status,shared_with,shared_source_id,title,landing_url,document_url,format,platform,adapter,tier_scheme,date_or_version,notes";
const OAKHAM_URN = 100000;
const NOREPORT_URN = 100001;

async function loadRegistry(rows: string[]) {
  const tables = emptyTables();
  const vocabulary = parseVocabularyCsv(provisionsCsv);
  mergeInto(tables, { oap_sources: registryRows(parseRegistryCsv([HEADER, ...rows].join("\n"))), ...schemeRows(parseTierSchemesCsv(schemesCsv)), ...vocabularyRows(vocabulary) });
  await loadOapDataset(env.DB, tables);
}

const rows = async <T = Record<string, unknown>>(sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).all<T>()).results;
const events = (subjectId: string) => rows<{ stage: string; outcome: string; reason: string | null }>("SELECT stage, outcome, reason FROM pipeline_events WHERE subject_id = ?1 ORDER BY id", subjectId);

async function runBatch(queue: string, bodies: RefreshMessage[], attempts = 1) {
  const batch = createMessageBatch<RefreshMessage>(queue, bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })));
  const ctx = createExecutionContext();
  // The handlers await all their work, so nothing is left for the execution context to wait on.
  await worker.queue(batch as MessageBatch<unknown>, env);
  return getQueueResult(batch, ctx);
}

beforeAll(async () => {
  await loadRegistry([
    `201-1,201,City of London,found,,,Brackenfold OAP,${origins.sites}/kb5/brackenfold/directory/advice.page?id=Bf7Qa2,,pdf,open_objects_kb5,kb5,,,invented for tests`,
    `202-1,202,Camden,found,,,Camden guide,${origins.sites}/down,,html,,,,,invented for tests: always 503`,
    `203-1,203,Greenwich,not_found_yet,,,,,,unknown,,,,,`,
    `204-1,204,Hackney,shared,Brackenfold (test),201-1,,,,unknown,,,,,`,
  ]);
  // Two schools of the test subset get invented websites.
  await env.DB.batch([
    env.DB.prepare("UPDATE schools SET website = ?1 WHERE urn = ?2").bind(`${origins.school}/`, OAKHAM_URN),
    env.DB.prepare("UPDATE schools SET website = ?1 WHERE urn = ?2").bind(`${origins.noreport}/`, NOREPORT_URN),
  ]);
});

describe("scheduled refresh, end to end through the real queue", () => {
  it("enqueues the due sources; the consumer publishes one, and dead-letters the one that keeps failing", async () => {
    const urns = await rows<{ urn: number }>("SELECT urn FROM schools WHERE website IS NOT NULL");
    // A day on which neither school is due, so only the OAP sources run here.
    let day = new Date("2027-01-01T03:00:00Z");
    while (urns.some((s) => s.urn % 365 === schoolSlotOf(day))) day = new Date(day.getTime() + 86_400_000);
    await worker.scheduled(createScheduledController({ scheduledTime: day.getTime(), cron: "0 3 * * *" }), env);

    await vi.waitUntil(async () => (await events("201-1")).length > 0 && (await events("202-1")).some((e) => /dead-lettered/.test(e.reason ?? "")), { timeout: 25_000, interval: 200 });
    // Runnable sources only: not the one not found yet, nor the LA sharing another's document.
    expect(await events("203-1")).toEqual([]);
    expect(await events("204-1")).toEqual([]);

    expect(await events("201-1")).toEqual([{ stage: "publish", outcome: "ok", reason: null }]);
    const [doc] = await rows<{ id: string; sha256: string; statements: number }>("SELECT d.id, d.sha256, (SELECT count(*) FROM statements s WHERE s.doc_id = d.id) AS statements FROM documents d WHERE source_id = '201-1' AND status <> 'superseded'");
    expect(doc!.statements).toBeGreaterThan(10);
    // The bytes are in R2 under their hash, and the snapshot row in D1 says where.
    const [snap] = await rows<{ storage_key: string }>("SELECT storage_key FROM snapshots WHERE sha256 = ?1", doc!.sha256);
    const object = await env.SNAPSHOTS.get(`snapshots/${snap!.storage_key}`);
    const bytes = new Uint8Array(await object!.arrayBuffer());
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(digest).toBe(doc!.sha256);
    // The sharing LA is recorded as an adopter of the same document.
    expect(await rows("SELECT la_code, role FROM document_las WHERE doc_id = ?1 ORDER BY la_code", doc!.id)).toEqual([
      { la_code: "201", role: "publisher" },
      { la_code: "204", role: "adopter" },
    ]);

    // 202-1: every delivery failed (503 after the client's own retries) and was retried; once the
    // retries ran out the dead-letter consumer recorded why.
    const down = await events("202-1");
    expect(down.filter((e) => e.outcome === "failed" && /HTTP 503/.test(e.reason ?? "")).length).toBeGreaterThanOrEqual(3);
    expect(down.at(-1)!.reason).toMatch(/^dead-lettered on send-oap-refresh-dlq after the queue's retries ran out; last failure: HTTP 503/);
    const status = (await (await SELF.fetch("http://x/v1/status")).json()) as { failing_sources?: Array<{ id?: string; subject_id?: string; reason: string }> } & Record<string, unknown>;
    expect(JSON.stringify(status)).toContain("dead-lettered on send-oap-refresh-dlq");
    const [source] = await rows<{ last_outcome: string; last_checked_at: string }>("SELECT last_outcome, last_checked_at FROM oap_sources WHERE id = '202-1'");
    expect(source!.last_outcome).toBe("failed");

    // Checked just now, so nothing is due again tomorrow.
    const { dueMessages } = await import("../../src/refresh/schedule");
    expect((await dueMessages(env.DB, new Date(Date.now() + 86_400_000))).filter((m) => m.kind === "oap_source")).toEqual([]);
  });
});

describe("the yearly school slots", () => {
  it("puts each school with a website on one day of the year, the same every year", async () => {
    const { dueMessages } = await import("../../src/refresh/schedule");
    const days: Record<number, string[]> = {};
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2028, 0, 1 + day, 3));
      for (const m of await dueMessages(env.DB, date)) if (m.kind === "school_report") (days[m.urn] ??= []).push(date.toISOString().slice(5, 10));
    }
    // 2028 is a leap year: 31 December shares 30 December's slot.
    expect(Object.keys(days).map(Number).sort()).toEqual([OAKHAM_URN, NOREPORT_URN]);
    expect(days[OAKHAM_URN]).toEqual([new Date(Date.UTC(2028, 0, 1 + (OAKHAM_URN % 365))).toISOString().slice(5, 10)]);
    expect(days[NOREPORT_URN]).toHaveLength(1);
  });
});

describe("the queue consumer, one batch at a time", () => {
  it("holds back a degraded re-scrape: the published rows stay and the reason is recorded", async () => {
    const before = await rows("SELECT id, sha256, last_seen FROM documents WHERE source_id = '201-1' ORDER BY id");
    const statementsBefore = await rows("SELECT id FROM statements ORDER BY id");
    await env.DB.prepare("UPDATE oap_sources SET landing_url = replace(landing_url, ?1, ?2) WHERE id = '201-1'").bind(origins.sites, origins.broken).run();
    const result = await runBatch(REFRESH_QUEUE, [{ kind: "oap_source", id: "201-1", reason: "admin" }]);
    expect(result.explicitAcks).toEqual(["m0"]);
    expect(result.retryMessages).toEqual([]);
    expect((await events("201-1")).at(-1)).toEqual({ stage: "gate", outcome: "held_back", reason: expect.stringMatching(/^lost \d+% of statements \(\d+ published, 1 now\)$/) });
    expect(await rows("SELECT id, sha256, last_seen FROM documents WHERE source_id = '201-1' ORDER BY id")).toEqual(before);
    expect(await rows("SELECT id FROM statements ORDER BY id")).toEqual(statementsBefore);
    await env.DB.prepare("UPDATE oap_sources SET landing_url = replace(landing_url, ?1, ?2) WHERE id = '201-1'").bind(origins.broken, origins.sites).run();
  });

  it("republishes an unchanged source in place, keeping ids and first_seen", async () => {
    const before = await rows("SELECT id, first_seen FROM statements ORDER BY id");
    const result = await runBatch(REFRESH_QUEUE, [{ kind: "oap_source", id: "201-1", reason: "admin" }]);
    expect(result.explicitAcks).toEqual(["m0"]);
    expect((await events("201-1")).at(-1)).toEqual({ stage: "publish", outcome: "unchanged", reason: null });
    expect(await rows("SELECT id, first_seen FROM statements ORDER BY id")).toEqual(before);
  });

  it("asks the queue to retry a transient failure, with a delay that doubles per attempt", async () => {
    const result = await runBatch(REFRESH_QUEUE, [{ kind: "oap_source", id: "202-1", reason: "admin" }], 2);
    expect(result.explicitAcks).toEqual([]);
    // getQueueResult (pool 0.15.1) reports that a message was retried but not its delay; the delay rule is checked directly.
    expect(result.retryMessages).toEqual([{ msgId: "m0" }]);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt))).toEqual([300, 600, 1200, 2400, 3600]);
  });

  it("records a dead-lettered message with the last reason", async () => {
    const result = await runBatch(REFRESH_DLQ, [{ kind: "school_report", urn: 999_999_999, reason: "scheduled" }]);
    expect(result.ackAll).toBe(true);
    expect((await events("999999999")).at(-1)!.reason).toBe("dead-lettered on send-oap-refresh-dlq after the queue's retries ran out; last failure: no reason recorded");
  });

  it("finds, analyses and stores a school's report, keeping the copies in R2", async () => {
    const result = await runBatch(REFRESH_QUEUE, [{ kind: "school_report", urn: OAKHAM_URN, reason: "scheduled" }]);
    expect(result.explicitAcks).toEqual(["m0"]);
    expect((await events(String(OAKHAM_URN))).at(-1)).toMatchObject({ stage: "publish", outcome: "ok" });
    const res = await SELF.fetch(`http://x/v1/schools/${OAKHAM_URN}/report`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { source?: { url?: string } } & Record<string, unknown>;
    expect(JSON.stringify(body)).toContain(`${origins.school}/send/sen-information-report/`);
    const [analysis] = await rows<{ sha256: string; n: number }>("SELECT sha256, (SELECT count(*) FROM report_analyses WHERE urn = ?1) AS n FROM report_analyses WHERE urn = ?1", OAKHAM_URN);
    expect(analysis!.n).toBe(1);
    const snapshotKeys = await rows<{ storage_key: string }>("SELECT storage_key FROM snapshots WHERE instr(url, ?1) = 1", `${origins.school}/send/sen-information-report/`);
    expect(snapshotKeys.length).toBeGreaterThanOrEqual(2);
    for (const s of snapshotKeys) expect(await env.SNAPSHOTS.head(`snapshots/${s.storage_key}`)).not.toBeNull();

    // The same report again: nothing new is stored.
    await runBatch(REFRESH_QUEUE, [{ kind: "school_report", urn: OAKHAM_URN, reason: "scheduled" }]);
    expect((await events(String(OAKHAM_URN))).at(-1)).toMatchObject({ stage: "publish", outcome: "unchanged" });
    expect((await rows("SELECT id FROM report_analyses WHERE urn = ?1", OAKHAM_URN)).length).toBe(1);

    // The same report, stored by an earlier analyser: it is analysed again under the current rules.
    await env.DB.prepare("UPDATE report_analyses SET analyser_version = '0.9.0' WHERE urn = ?1").bind(OAKHAM_URN).run();
    await runBatch(REFRESH_QUEUE, [{ kind: "school_report", urn: OAKHAM_URN, reason: "scheduled" }]);
    expect((await events(String(OAKHAM_URN))).at(-1)).toMatchObject({ stage: "publish", outcome: "ok" });
    expect((await rows<{ analyser_version: string }>("SELECT analyser_version FROM report_analyses WHERE urn = ?1 ORDER BY analysed_at", OAKHAM_URN)).map((r) => r.analyser_version)).toEqual(["0.9.0", ANALYSER_VERSION]);
  });

  it("stores nothing for a school site without a report, and says so", async () => {
    const result = await runBatch(REFRESH_QUEUE, [{ kind: "school_report", urn: NOREPORT_URN, reason: "scheduled" }]);
    expect(result.explicitAcks).toEqual(["m0"]);
    expect((await events(String(NOREPORT_URN))).at(-1)).toMatchObject({ stage: "discover", outcome: "held_back", reason: expect.stringMatching(/^no report found/) });
    expect(await rows("SELECT id FROM report_analyses WHERE urn = ?1", NOREPORT_URN)).toEqual([]);
  });
});

describe("POST /v1/admin/refresh", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    SELF.fetch("http://x/v1/admin/refresh", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const auth = { authorization: `Bearer ${"test-admin-token-0123456789"}` };

  it("answers 401 with WWW-Authenticate without a token, or with a malformed header", async () => {
    for (const headers of <Array<Record<string, string>>>[{}, { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "Bearer" }, { authorization: "test-admin-token-0123456789" }]) {
      const res = await post({ la: "201" }, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="send-oap admin"/);
      expect(((await res.json()) as { code: string }).code).toBe("unauthorized");
    }
  });

  it("answers 403 to a wrong token, whatever its length", async () => {
    for (const token of ["x", "test-admin-token-012345678", "test-admin-token-01234567890", "TEST-ADMIN-TOKEN-0123456789"]) {
      const res = await post({ la: "201" }, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe("forbidden");
    }
  });

  it("refuses everything when no ADMIN_TOKEN is set", async () => {
    const res = await worker.fetch(new Request("http://x/v1/admin/refresh", { method: "POST", headers: { "content-type": "application/json", ...auth }, body: "{}" }), { ...env, ADMIN_TOKEN: undefined }, createExecutionContext());
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/no ADMIN_TOKEN secret is set/);
  });

  it("with the right token, validates the body and enqueues the LA's source or the school", async () => {
    expect((await post({}, auth)).status).toBe(422);
    expect((await post({ la: "201", urn: 1 }, auth)).status).toBe(422);
    const form = await SELF.fetch("http://x/v1/admin/refresh", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...auth }, body: "la=201" });
    expect(form.status).toBe(415);
    expect((await post({ la: "nowhere" }, auth)).status).toBe(404);
    expect((await post({ la: "203" }, auth)).status).toBe(422);
    const counts = async () => [(await events("201-1")).length, (await events(String(OAKHAM_URN))).length];
    const [sourceBefore, schoolBefore] = await counts();
    const la = await post({ la: "hackney" }, auth);
    expect(la.status).toBe(202);
    // Hackney shares Brackenfold's guide: the source holding it is refreshed.
    expect(await la.json()).toEqual({ enqueued: [{ kind: "oap_source", id: "201-1", reason: "admin" }], status_url: "/v1/status" });
    const school = await post({ urn: OAKHAM_URN }, auth);
    expect(school.status).toBe(202);
    expect(((await school.json()) as { enqueued: unknown[] }).enqueued).toEqual([{ kind: "school_report", urn: OAKHAM_URN, reason: "admin" }]);
    // The queue runs both: each records an outcome.
    await vi.waitUntil(async () => {
      const [source, school] = await counts();
      return source! > sourceBefore! && school! > schoolBefore!;
    }, { timeout: 15_000, interval: 200 });
  });
});
