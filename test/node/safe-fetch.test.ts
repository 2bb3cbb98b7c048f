// safeFetch against HTTP servers this test starts on 127.0.0.1. The fetcher refuses 127.0.0.1
// itself (that is tested first), so the other tests name the server by fixture host names and
// a transport carries those requests to the local port, the way DNS would for a real site.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookup as systemLookup } from "node:dns";
import { guardedLookup, nodeTransport, resolveHost } from "../../scrapers/fetch/guarded-transport";
import { fetchReport } from "../../scrapers/sir/fetch-report";
import { checkUrl, embedsPrivateAddress, isPrivateAddress, safeFetch, SafeFetchError, type SafeFetchOptions } from "../../src/lib/safe-fetch";

let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url!);
    const [path, query] = req.url!.split("?");
    if (path === "/report.html") return void res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end("<html><body><p>Report</p></body></html>");
    if (path === "/report.pdf") return void res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.4 not really");
    if (path === "/unlabelled.pdf") return void res.writeHead(200, { "Content-Type": "application/octet-stream" }).end("%PDF-1.7 bytes");
    if (path === "/unlabelled.bin") return void res.writeHead(200, { "Content-Type": "application/octet-stream" }).end("MZ binary");
    if (path === "/image.png") return void res.writeHead(200, { "Content-Type": "image/png" }).end("png");
    if (path === "/missing") return void res.writeHead(404, { "Content-Type": "text/html" }).end("gone");
    if (path === "/hop") {
      const n = Number(query ?? 0);
      return void res.writeHead(302, { Location: n > 0 ? `/hop?${n - 1}` : "/report.html" }).end();
    }
    if (path === "/to-loopback") return void res.writeHead(301, { Location: `http://127.0.0.1:${port}/report.html` }).end();
    if (path === "/to-inside") return void res.writeHead(302, { Location: "http://inside.test/report.html" }).end();
    if (path === "/to-ftp") return void res.writeHead(302, { Location: "ftp://school.test/report.pdf" }).end();
    if (path === "/declared-big") return void res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": String(6 * 1024 * 1024) }).end();
    if (path === "/streamed-big") {
      res.writeHead(200, { "Content-Type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 120);
      let sent = 0;
      const push = () => {
        while (sent < 2 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", push);
        }
        res.end();
      };
      return push();
    }
    if (path === "/slow-headers") return void setTimeout(() => res.writeHead(200, { "Content-Type": "text/html" }).end("<p>late</p>"), 1500);
    if (path === "/slow-body") {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.write("<p>start");
      return void setTimeout(() => res.end("</p>"), 1500);
    }
    res.writeHead(500).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Carries requests for *.test hosts to the local server, as DNS would. */
const viaLocal: SafeFetchOptions["fetch"] = (url, init) => {
  const target = new URL(url);
  if (!target.hostname.endsWith(".test")) throw new Error(`unexpected host ${target.hostname}`);
  return fetch(`http://127.0.0.1:${port}${target.pathname}${target.search}`, init);
};

async function refusal(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

describe("safeFetch against a real server", () => {
  it("refuses the server's own loopback address, without sending a request", async () => {
    const before = hits.length;
    expect((await refusal(safeFetch(`http://127.0.0.1:${port}/report.html`))).code).toBe("address_not_allowed");
    expect(hits.length).toBe(before);
  });

  it("fetches an HTML page and a PDF, with their types", async () => {
    const page = await safeFetch("http://school.test/report.html", { fetch: viaLocal });
    expect(page).toMatchObject({ status: 200, contentType: "text/html", finalUrl: "http://school.test/report.html", redirects: [] });
    expect(new TextDecoder().decode(page.bytes)).toContain("Report");
    expect((await safeFetch("http://school.test/report.pdf", { fetch: viaLocal })).contentType).toBe("application/pdf");
  });

  it("follows up to three redirects and says where it ended", async () => {
    const result = await safeFetch("http://school.test/hop?2", { fetch: viaLocal });
    expect(result.finalUrl).toBe("http://school.test/report.html");
    expect(result.redirects).toEqual(["http://school.test/hop?2", "http://school.test/hop?1", "http://school.test/hop?0"]);
  });

  it("stops after three redirects", async () => {
    expect((await refusal(safeFetch("http://school.test/hop?3", { fetch: viaLocal }))).code).toBe("too_many_redirects");
  });

  it("checks every redirect again: to a loopback address, and to another scheme", async () => {
    const before = hits.filter((h) => h === "/report.html").length;
    expect((await refusal(safeFetch("http://school.test/to-loopback", { fetch: viaLocal }))).code).toBe("address_not_allowed");
    expect(hits.filter((h) => h === "/report.html").length).toBe(before);
    expect((await refusal(safeFetch("http://school.test/to-ftp", { fetch: viaLocal }))).code).toBe("scheme_not_allowed");
  });

  it("refuses a host that resolves to a private address, when it can resolve names", async () => {
    const resolve = async (host: string) => (host === "rebound.test" ? ["10.0.0.7"] : ["93.184.216.34"]);
    expect((await refusal(safeFetch("http://rebound.test/report.html", { fetch: viaLocal, resolve }))).code).toBe("address_not_allowed");
    expect((await safeFetch("http://public.test/report.html", { fetch: viaLocal, resolve })).status).toBe(200);
  });

  it("gives up after the time limit, whether the headers or the body are slow", async () => {
    for (const path of ["/slow-headers", "/slow-body"]) {
      const started = Date.now();
      expect((await refusal(safeFetch(`http://school.test${path}`, { fetch: viaLocal, timeoutMs: 300 }))).code).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(1400);
    }
  });

  it("refuses bodies over the size limit, declared or streamed", async () => {
    expect((await refusal(safeFetch("http://school.test/declared-big", { fetch: viaLocal }))).code).toBe("too_large");
    expect((await refusal(safeFetch("http://school.test/streamed-big", { fetch: viaLocal, maxBytes: 1024 * 1024 }))).code).toBe("too_large");
  });

  it("checks the content type, sniffing only unlabelled bodies", async () => {
    expect((await refusal(safeFetch("http://school.test/image.png", { fetch: viaLocal }))).code).toBe("content_type_not_allowed");
    expect((await safeFetch("http://school.test/unlabelled.pdf", { fetch: viaLocal })).bytes.byteLength).toBeGreaterThan(0);
    expect((await refusal(safeFetch("http://school.test/unlabelled.bin", { fetch: viaLocal }))).code).toBe("content_type_not_allowed");
  });

  it("reports an error status", async () => {
    const error = await refusal(safeFetch("http://school.test/missing", { fetch: viaLocal }));
    expect(error).toMatchObject({ code: "http_error", status: 404 });
  });
});

describe("address rules", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["93.184.216.34", false],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd12:3456::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["64:ff9b::a00:1", true],
    ["2606:4700::6810:84e5", false],
    ["not-an-address", true],
  ])("%s is private: %s", (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it("normalises numeric host spellings before refusing them", () => {
    for (const url of ["http://2130706433/", "http://0x7f000001/", "http://017700000001/", "http://127.1/", "http://0177.0.0.01/"]) {
      expect(() => checkUrl(url), url).toThrow(SafeFetchError);
    }
    expect(checkUrl("https://www.school.example.sch.uk/send").hostname).toBe("www.school.example.sch.uk");
  });
});

describe("names that resolve inside (Node: the discovery CLI and fetch-report)", () => {
  /** Records what the transport was asked for, carrying *.test requests to the local server. */
  const recording = () => {
    const asked: string[] = [];
    const transport: SafeFetchOptions["fetch"] = (url, init) => {
      asked.push(url);
      return viaLocal!(url, init);
    };
    return { asked, transport };
  };

  it("looks names up with the system resolver: localhost gives only loopback addresses, which are refused", async () => {
    const addresses = await resolveHost("localhost");
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every(isPrivateAddress)).toBe(true);
  });

  it("fetch-report resolves before it fetches: a name that does not resolve is never requested", async () => {
    const { asked, transport } = recording();
    const error = await refusal(fetchReport("http://report.invalid/send.html", { fetch: transport }));
    expect(error.code).toBe("network_error");
    expect(error.message).toMatch(/could not be found/);
    expect(asked).toEqual([]);
  });

  it("refuses a public-looking name that resolves to a private address, at the first hop or after a redirect", async () => {
    // As a hosts file or a rebinding DNS server would answer.
    const resolve = async (host: string) => (host === "inside.test" ? ["127.0.0.1"] : host === "mapped.test" ? ["::ffff:10.0.0.8"] : ["93.184.216.34"]);
    for (const start of ["http://inside.test/report.html", "http://mapped.test/report.html"]) {
      const { asked, transport } = recording();
      expect((await refusal(fetchReport(start, { fetch: transport, resolve }))).code).toBe("address_not_allowed");
      expect(asked).toEqual([]);
    }
    const { asked, transport } = recording();
    expect((await refusal(fetchReport("http://school.test/to-inside", { fetch: transport, resolve }))).code).toBe("address_not_allowed");
    expect(asked).toEqual(["http://school.test/to-inside"]);
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const resolve = async () => ["93.184.216.34", "192.168.0.4"];
    expect((await refusal(safeFetch("http://split.test/report.html", { fetch: viaLocal, resolve }))).code).toBe("address_not_allowed");
  });
});

describe("wildcard DNS names that spell a private address", () => {
  it.each([
    ["127.0.0.1.nip.io", true],
    ["app.10.1.2.3.nip.io", true],
    ["10-0-0-1.sslip.io", true],
    ["ip-172-16-0-9.eu-west-2.compute.example", true],
    ["192.168.1.1.xip.example", true],
    ["169-254-169-254.example", true],
    ["8.8.8.8.nip.io", false],
    ["www.school.example.sch.uk", false],
    ["year-10-2025.school.example", false],
    ["a1-2-3-4.example", false],
  ])("%s: %s", (host, expected) => {
    expect(embedsPrivateAddress(host)).toBe(expected);
    if (expected) expect(() => checkUrl(`https://${host}/report`)).toThrow(/not a public host name/);
  });
});

describe("the Node transport checks the addresses it connects to (DNS rebinding)", () => {
  it("carries a request to a server: status, headers and body, and hands redirects back unread", async () => {
    const transport = nodeTransport(systemLookup);
    const page = await transport(`http://127.0.0.1:${port}/report.html`, { headers: { Accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("Report");
    const hop = await transport(`http://127.0.0.1:${port}/hop?0`, { headers: {} });
    expect(hop.status).toBe(302);
    expect(hop.headers.get("location")).toBe("/report.html");
  });

  it("refuses, as it connects, a name the system resolver points at this machine", async () => {
    const before = hits.length;
    const error = await refusal(nodeTransport(guardedLookup())(`http://localhost:${port}/report.html`, { headers: {} }));
    expect(error.code).toBe("address_not_allowed");
    expect(hits.length).toBe(before);
  });

  it("refuses a name whose answer changes between the check and the connection", async () => {
    let lookups = 0;
    const rebinding = async () => (++lookups === 1 ? ["93.184.216.34"] : ["127.0.0.1"]);
    const before = hits.length;
    const error = await refusal(fetchReport("http://rebind.test/report.html", { resolve: rebinding }));
    expect(error.code).toBe("address_not_allowed");
    expect(lookups).toBe(2);
    expect(hits.length).toBe(before);
  });

  it("gives up at the time limit through this transport too", async () => {
    const error = await refusal(safeFetch(`http://school.test/slow-headers`, { timeoutMs: 300, fetch: (url, init) => nodeTransport(systemLookup)(url.replace("//school.test", `//127.0.0.1:${port}`), init) }));
    expect(error.code).toBe("timeout");
  });
});
