// In its own file: it breaks this file's copy of the database on purpose.
import { env } from "cloudflare:test";
import { expect, it, vi } from "vitest";
import { expectProblem, raw } from "./helpers";

it("turns a failure on our side into a 500 problem that leaks nothing, and logs the cause", async () => {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  await env.DB.exec("ALTER TABLE schools RENAME TO schools_moved_away");
  const problem = await expectProblem(await raw("/v1/schools/100000"), 500, "internal_error");
  expect(JSON.stringify(problem)).not.toMatch(/schools_moved_away|SQLITE|D1_ERROR|stack/i);
  expect(problem.detail).toMatch(/request id/);

  expect(log).toHaveBeenCalledOnce();
  const entry = JSON.parse(log.mock.calls[0]![0] as string);
  expect(entry).toMatchObject({ level: "error", request_id: problem.request_id, method: "GET", path: "/v1/schools/100000" });
  expect(JSON.stringify(entry.error)).toContain("no such table: schools");
  log.mockRestore();
});
