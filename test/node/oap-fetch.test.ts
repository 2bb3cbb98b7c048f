// The polite client against servers started here on 127.0.0.1 (port 0).
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FetchError, PoliteClient } from "../../src/fetch/polite-client";
import { onlineFetcher } from "../../src/snapshots/online";
import { DiskSnapshotStore } from "../../scrapers/snapshots/disk-store";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Array<{ close: () => void }> = [];

async function serve(handler: Handler): Promise<{ origin: string; hits: Array<{ path: string; at: number; ua: string; inm: string | null }> }> {
  const hits: Array<{ path: string; at: number; ua: string; inm: string | null }> = [];
  const server = createServer((req, res) => {
    hits.push({ path: req.url!, at: Date.now(), ua: String(req.headers["user-agent"]), inm: (req.headers["if-none-match"] as string) ?? null });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const html = "<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>";
const client = (options: ConstructorParameters<typeof PoliteClient>[0] = {}) => new PoliteClient({ delayMs: 0, backoffMs: 10, retries: 3, ...options });

describe("polite client", () => {
  it("names the project and a contact URL in its User-Agent", async () => {
    const site = await serve((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    await client({ contactUrl: "https://example.org/contact" }).get(`${site.origin}/page`);
    expect(site.hits.at(-1)!.ua).toMatch(/^send-oap-reference\/\S+ \(.*\+https:\/\/example\.org\/contact\)$/);
  });

  it("fetches from other hosts only with a contact URL, so no site is crawled anonymously", async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    await expect(client({ fetchImpl }).get("https://council.example/guide")).rejects.toMatchObject({ reason: "no_contact" });
    expect(fetchImpl).not.toHaveBeenCalled();
    const site = await serve((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    await client().get(`${site.origin}/page`);
    expect(site.hits.at(-1)!.ua).toContain("local run, no contact set");
  });

  it("obeys robots.txt: a disallowed path is never requested", async () => {
    const site = await serve((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /private/\n");
      res.writeHead(200, { "content-type": "text/html" }).end(html);
    });
    const c = client();
    await expect(c.get(`${site.origin}/private/guide.pdf`)).rejects.toMatchObject({ reason: "robots_disallowed" });
    expect(site.hits.map((h) => h.path)).toEqual(["/robots.txt"]);
    await expect(c.get(`${site.origin}/public/guide`)).resolves.toMatchObject({ status: 200 });
  });

  it("retries a 429, waiting at least as long as Retry-After asks", async () => {
    let calls = 0;
    const site = await serve((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(404).end();
      calls++;
      if (calls === 1) return res.writeHead(429, { "retry-after": "1" }).end();
      res.writeHead(200, { "content-type": "text/html" }).end(html);
    });
    const result = await client().get(`${site.origin}/busy`);
    expect(result.status).toBe(200);
    const [first, second] = site.hits.filter((h) => h.path === "/busy");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it("retries 5xx with backoff and gives up with a clear error", async () => {
    const site = await serve((req, res) => (req.url === "/robots.txt" ? res.writeHead(404).end() : res.writeHead(503).end()));
    const error = await client({ retries: 2 }).get(`${site.origin}/down`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ reason: "http_error", status: 503 });
    expect(site.hits.filter((h) => h.path === "/down")).toHaveLength(3);
  });

  it("does not retry a 404", async () => {
    const site = await serve((_, res) => res.writeHead(404).end());
    await expect(client().get(`${site.origin}/gone`)).rejects.toMatchObject({ reason: "http_error", status: 404 });
    expect(site.hits.filter((h) => h.path === "/gone")).toHaveLength(1);
  });

  it("follows redirects, records the final URL, and checks robots.txt on every host", async () => {
    const target = await serve((req, res) => (req.url === "/robots.txt" ? res.writeHead(404).end() : res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4\n%test\n")));
    const site = await serve((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(404).end();
      if (req.url === "/old") return res.writeHead(301, { location: "/moved" }).end();
      res.writeHead(302, { location: `${target.origin}/files/guide.pdf` }).end();
    });
    const result = await client().get(`${site.origin}/old`);
    expect(result).toMatchObject({ url: `${site.origin}/old`, finalUrl: `${target.origin}/files/guide.pdf`, contentType: "pdf" });
    expect(result.redirects).toEqual([`${site.origin}/old`, `${site.origin}/moved`]);
    expect(target.hits.map((h) => h.path)).toEqual(["/robots.txt", "/files/guide.pdf"]);
  });

  it("refuses a body over the size cap, by header and by counting", async () => {
    const big = Buffer.alloc(5000, 65);
    const site = await serve((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(404).end();
      if (req.url === "/declared") return res.writeHead(200, { "content-length": String(big.length) }).end(big);
      res.writeHead(200, { "transfer-encoding": "chunked" });
      res.write(big.subarray(0, 2500));
      res.end(big.subarray(2500));
    });
    await expect(client({ maxBytes: 4000 }).get(`${site.origin}/declared`)).rejects.toMatchObject({ reason: "too_large" });
    await expect(client({ maxBytes: 4000 }).get(`${site.origin}/streamed`)).rejects.toMatchObject({ reason: "too_large" });
  });

  it("sniffs the real type whatever the header says", async () => {
    const site = await serve((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(404).end();
      if (req.url === "/error-as-pdf.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end(html);
      res.writeHead(200, { "content-type": "application/octet-stream" }).end("%PDF-1.7\n...");
    });
    await expect(client().get(`${site.origin}/error-as-pdf.pdf`)).resolves.toMatchObject({ contentType: "html", declaredContentType: "application/pdf" });
    await expect(client().get(`${site.origin}/download?id=7`)).resolves.toMatchObject({ contentType: "pdf" });
  });

  it("keeps one request at a time per host, with the delay between them", async () => {
    const site = await serve((req, res) => (req.url === "/robots.txt" ? res.writeHead(404).end() : setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(html), 30)));
    const c = client({ delayMs: 150 });
    await Promise.all([1, 2, 3].map((n) => c.get(`${site.origin}/p${n}`)));
    const times = site.hits.filter((h) => h.path.startsWith("/p")).map((h) => h.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(140);
  });

  it("sends the stored validators; a 304 reuses the snapshot body", async () => {
    const site = await serve((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(404).end();
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { "content-type": "text/html", etag: '"v1"' }).end(html);
    });
    const store = new DiskSnapshotStore(mkdtempSync(path.join(tmpdir(), "snap-")));
    const fetchPage = onlineFetcher(client(), store);
    const first = await fetchPage(`${site.origin}/guide`);
    const second = await fetchPage(`${site.origin}/guide`);
    expect(site.hits.filter((h) => h.path === "/guide").map((h) => h.inm)).toEqual([null, '"v1"']);
    expect(second.sha256).toBe(first.sha256);
    expect(new TextDecoder().decode(second.bytes)).toBe(html);
    expect(store.latest(`${site.origin}/guide`)).toMatchObject({ status: 304, sha256: first.sha256 });
  });
});
