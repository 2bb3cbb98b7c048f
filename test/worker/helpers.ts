import { SELF } from "cloudflare:test";
import { expect } from "vitest";

export const BASE = "http://api.test";

export type Json = any;

export async function get(path: string, init?: RequestInit): Promise<{ res: Response; body: Json }> {
  const res = await SELF.fetch(`${BASE}${path}`, init);
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) : null };
}

/** Asserts the RFC 9457 shape every error must have, and returns the body for further checks. */
export async function expectProblem(res: Response, status: number, code: string): Promise<Json> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.headers.get("x-request-id")).toBeTruthy();
  const body = await res.json<Json>();
  expect(body).toMatchObject({ type: `${BASE}/problems/${code}`, status, code, request_id: res.headers.get("x-request-id") });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(typeof body.instance).toBe("string");
  return body;
}

export function raw(path: string, init?: RequestInit): Promise<Response> {
  return SELF.fetch(`${BASE}${path}`, init);
}
