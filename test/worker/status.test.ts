import { env } from "cloudflare:test";
import { expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { get, raw } from "./helpers";

it("reports each stage's latest run and what is failing, with reasons", async () => {
  const empty = await get("/v1/status");
  expect(empty.body).toMatchObject({ dataset_version: null, stages: [], failing: [] });
  expect(empty.body.data_version).toBeGreaterThan(0);

  await env.DB.prepare("INSERT INTO oap_sources (id, la_code, status, format) VALUES ('202-9', '202', 'found', 'pdf'), ('370-9', '370', 'found', 'html')").run();
  const event = (run: string, at: string, subject: string, stage: string, outcome: string, reason: string | null) =>
    env.DB.prepare("INSERT INTO pipeline_events (run_id, at, subject, subject_id, url, stage, outcome, reason) VALUES (?1, ?2, 'oap_source', ?3, 'https://fixture.invalid/x', ?4, ?5, ?6)").bind(run, at, subject, stage, outcome, reason);
  await env.DB.batch([
    event("run-1", "2026-11-01T00:00:00Z", "202-9", "fetch", "failed", "HTTP 503 after 4 tries"),
    event("run-1", "2026-11-01T00:00:01Z", "370-9", "fetch", "ok", null),
    event("run-1", "2026-11-01T00:00:02Z", "370-9", "gate", "held_back", "lost 45% of statements (120 to 66)"),
    event("run-2", "2026-11-02T00:00:00Z", "202-9", "fetch", "ok", null),
  ]);

  const { body } = await get("/v1/status");
  expect(body.stages).toEqual([
    { stage: "fetch", last_at: "2026-11-02T00:00:00Z", run_id: "run-2", outcomes: { ok: 1, unchanged: 0, held_back: 0, failed: 0 } },
    { stage: "gate", last_at: "2026-11-01T00:00:02Z", run_id: "run-1", outcomes: { ok: 0, unchanged: 0, held_back: 1, failed: 0 } },
  ]);
  // 202-9 failed, then recovered; 370-9's latest event was held back.
  expect(body.failing).toEqual([
    { subject: "oap_source", subject_id: "370-9", la_code: "370", stage: "gate", outcome: "held_back", reason: "lost 45% of statements (120 to 66)", url: "https://fixture.invalid/x", at: "2026-11-01T00:00:02Z" },
  ]);
});

it("logs each request as one JSON line with its id, route, status, duration and cache use", async () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const app = createApp();
  const res = await app.request("/v1/schools/100000", { headers: { "X-Request-Id": "trace-1" } }, { ...env, LOG_LEVEL: "info" });
  expect(res.status).toBe(200);
  expect(JSON.parse(log.mock.calls.at(-1)![0] as string)).toEqual({
    level: "info",
    at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    request_id: "trace-1",
    method: "GET",
    route: "/v1/schools/:urn",
    path: "/v1/schools/100000",
    status: 200,
    duration_ms: expect.any(Number),
    cache: "miss",
  });
  // At LOG_LEVEL=warn (tests, benchmarks) only server failures are logged.
  log.mockClear();
  await (await raw("/healthz")).text();
  expect(log).not.toHaveBeenCalled();
  log.mockRestore();
});
