// Discovery against invented school sites (test/fixtures/sir-sites) served on 127.0.0.1. The
// sites are named *.test; a transport carries those names to the local server, as DNS would,
// and the fetcher's own address check sees a public address for them.
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseBlocks } from "../../src/analyser";
import type { SafeFetchOptions } from "../../src/lib/safe-fetch";
import { discoverReport, linkScore, type FetchDocument } from "../../src/analyser/discover";
import { fetchReport } from "../../scrapers/sir/fetch-report";

const SITES = path.resolve(import.meta.dirname, "../fixtures/sir-sites");

/** Lines of an invented report; each touches a different rubric item. */
function reportLines(school: string, year: string): string[] {
  return [
    `${school} SEND Information Report ${year}`,
    "What kinds of SEN do we provide for? We support students with autism, dyslexia and ADHD.",
    "How do we identify needs? All Year 7 students are screened with the New Group Reading Test.",
    "Who is the SENCO? Mr Tomas Reid, senco@birchley.example.sch.uk.",
    "How is progress reviewed? Support plans are reviewed every term with parents.",
    "What extra support is there? Lexia and Fresh Start groups run each week.",
    "How do we support wellbeing? Our school counsellor and learning mentor support students.",
    "What training do staff have? All staff completed autism training in 2024.",
    "How are parents involved? Parents are invited to a review meeting every term.",
    "Who else do we work with? We work with CAMHS and the educational psychology service.",
    "Where can parents get advice? Birchley SENDIASS can be called on 01632 960444.",
    "Where is the Local Offer? See www.birchley.example.org/local-offer for the Local Offer.",
    "What if I want to complain? If you are unhappy, contact the SENCO, then the Principal.",
    "How do you support transition? Year 6 students visit twice in July.",
  ];
}

async function pdfOf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((text, i) => page.drawText(text, { x: 40, y: 800 - i * 22, size: 10, font }));
  return pdf.save();
}

let server: Server;
let port: number;
const requests: string[] = [];
let inFlight = 0;
let mostInFlight = 0;
const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  pdfs.set("/oakham/send/sir-2023-24.pdf", await pdfOf(reportLines("Oakham Lane", "2023-24")));
  pdfs.set("/birchley/docs/send-report-2021.pdf", await pdfOf(reportLines("Birchley Park", "2021")));
  pdfs.set("/birchley/docs/send-report-2025-26.pdf", await pdfOf(reportLines("Birchley Park", "2025-26")));
  pdfs.set("/birchley/docs/admissions-policy-2025.pdf", await pdfOf(["Admissions policy 2025", "Places are offered by the council."]));
  server = createServer(async (req, res) => {
    requests.push(req.url!);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    // A little latency, so overlapping requests would show.
    await new Promise((resolve) => setTimeout(resolve, 5));
    try {
      const pdf = pdfs.get(req.url!);
      if (pdf) return void res.writeHead(200, { "Content-Type": "application/pdf" }).end(pdf);
      const file = path.join(SITES, req.url!.endsWith("/") ? `${req.url}index.html` : req.url!);
      if (!file.startsWith(SITES)) return void res.writeHead(403).end();
      const body = await readFile(file).catch(() => null);
      if (!body) return void res.writeHead(404, { "Content-Type": "text/html" }).end("<p>Not found</p>");
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    } finally {
      inFlight--;
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const viaLocal: SafeFetchOptions["fetch"] = (url, init) => {
  const target = new URL(url);
  if (!target.hostname.endsWith(".test")) throw new Error(`left the fixture sites for ${target.hostname}`);
  return fetch(`http://127.0.0.1:${port}/${target.hostname.replace(/\.test$/, "")}${target.pathname}${target.search}`, init);
};
const fetchDocument: FetchDocument = (url) => fetchReport(url, { fetch: viaLocal, resolve: async () => ["93.184.216.34"] });

describe("linkScore", () => {
  it("scores a link whose address holds a malformed escape, as pages do link them (it threw URIError)", () => {
    const plain = linkScore({ text: "SEN Information Report", href: "https://school.test/inclusion/sen-information-report" });
    expect(linkScore({ text: "SEN Information Report", href: "https://school.test/100%-inclusion/sen-information-report" })).toBe(plain);
    expect(linkScore({ text: "Our offer", href: "https://school.test/send%20information%20report%E0%A4%A" })).toBeGreaterThan(0);
  });
});

describe("discoverReport", () => {
  it("finds a report split over sub-pages and merges them in order, preferring it to an older PDF", async () => {
    const start = requests.length;
    const result = await discoverReport("http://oakham.test/", { fetchDocument, year: 2026 });
    const report = result.report!;
    expect(report.url).toBe("http://oakham.test/send/sen-information-report/");
    expect(report.documents.map((d) => new URL(d.finalUrl).pathname)).toEqual([
      "/send/sen-information-report/",
      "/send/sen-information-report/finding-needs/",
      "/send/sen-information-report/support/",
      "/send/sen-information-report/contacts/",
    ]);
    expect(report.coverage).toBeGreaterThanOrEqual(10);
    const older = result.candidates.find((c) => c.url.endsWith("sir-2023-24.pdf"))!;
    expect(older.year).toBe(2023);
    expect(older.score).toBeLessThan(report.candidate.score);
    // Never the news or term dates, never another site, one request at a time.
    const paths = requests.slice(start);
    expect(paths.some((p) => p.includes("/news") || p.includes("/term-dates"))).toBe(false);
    expect(paths.every((p) => p.startsWith("/oakham/"))).toBe(true);
    expect(mostInFlight).toBe(1);

    const analysis = analyseBlocks(report.blocks, { asOf: "2026-03-01", title: report.title });
    expect(analysis.items.K04.status).toBe("present");
    expect(analysis.items.K13.status).toBe("present");
    expect(analysis.items.D01.status).toBe("present");
    expect(analysis.items.K04.evidence[0]!.source_url).toBe("http://oakham.test/send/sen-information-report/contacts/");
  });

  it("finds a report published only as a PDF, the most recent one", async () => {
    const result = await discoverReport("http://birchley.test/", { fetchDocument, year: 2026 });
    expect(result.report).toMatchObject({ url: "http://birchley.test/docs/send-report-2025-26.pdf", kind: "pdf" });
    const ranked = result.candidates.filter((c) => c.url.includes("send-report")).map((c) => c.year);
    expect(ranked).toEqual([2025, 2021]);
  }, 30_000);

  it("reports nothing found on a site without a report", async () => {
    const result = await discoverReport("http://nodocs.test/", { fetchDocument, year: 2026 });
    expect(result.report).toBeNull();
    expect(result.visited.length).toBeGreaterThan(0);
  });

  it("stops at the page limit", async () => {
    const start = requests.length;
    const result = await discoverReport("http://oakham.test/", { fetchDocument, maxPages: 3, year: 2026 });
    expect(requests.length - start).toBeLessThanOrEqual(3);
    expect(result.visited.length).toBeLessThanOrEqual(3);
  });

  it("records what went wrong with a page and carries on", async () => {
    const result = await discoverReport("http://oakham.test/key-information/", { fetchDocument, year: 2026 });
    expect(result.visited).toContainEqual({ url: "http://oakham.test/send/sen-policy/", outcome: "The address answered HTTP 404." });
    expect(result.report?.url).toBe("http://oakham.test/send/sen-information-report/");
  });
});
