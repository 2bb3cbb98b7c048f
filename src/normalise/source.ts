/**
 * One source, end to end and runtime-neutral: collect its document(s) from the seed URL
 * through the platform adapter, then normalise each. The caller supplies the fetcher
 * (polite network client, snapshot reader, or the Worker's own).
 */
import { collectDocuments } from "../extract/adapters/collect";
import type { AdapterId, FetchPage } from "../extract/adapters/types";
import { normaliseDocument, type NormalisedDocument, type NormaliseOptions } from "./document";

export interface SourceResult {
  adapter: AdapterId;
  documents: NormalisedDocument[];
}

export async function readSource(seedUrl: string, fetchPage: FetchPage, options: NormaliseOptions & { adapter?: AdapterId } = {}): Promise<SourceResult> {
  const { adapter, documents } = await collectDocuments(seedUrl, fetchPage, options.adapter);
  const out: NormalisedDocument[] = [];
  for (const doc of documents) out.push(await normaliseDocument(doc, options));
  return { adapter, documents: out };
}
