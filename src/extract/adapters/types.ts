/**
 * What the platform adapters work with: fetched bodies (from the network or from snapshots;
 * the adapters cannot tell which) and the documents they assemble from them.
 */
import type { DocumentStatus } from "../dates";

export type SniffedType = "html" | "pdf" | "docx" | "other";

export interface Fetched {
  /** The URL asked for, and the URL the body came from after redirects. */
  url: string;
  finalUrl: string;
  status: number;
  contentType: SniffedType;
  bytes: Uint8Array;
  sha256: string;
  retrievedAt: string;
}

/** Fetches one URL or throws; the Node pipeline passes its polite client or a snapshot reader. */
export type FetchPage = (url: string) => Promise<Fetched>;

export const ADAPTERS = ["kb5", "jadu", "wordpress_tier_area", "html_guide", "pdf"] as const;
export type AdapterId = (typeof ADAPTERS)[number];

export interface DocumentPart {
  /** Where statements are read from: a PDF, the print view, or each page of a guide. */
  fetched: Fetched;
  role: "document" | "print_view" | "section_page";
}

export interface CollectedDocument {
  /** Canonical URL: the PDF, or the first page of an HTML guide. */
  url: string;
  format: "html" | "pdf" | "docx";
  adapter: AdapterId;
  parts: DocumentPart[];
  /** Other URLs holding the same content (section pages, print view). */
  altUrls: string[];
  /** The HTML page that presents the document, whose date stamps describe it. */
  landing: Fetched | null;
  /** What the landing page's link said about the document ("… (superseded)"). */
  linkContext: string;
  /** Superseded and other secondary documents are recorded but not extracted. */
  role: "primary" | "superseded";
  statusHint: DocumentStatus | null;
}
