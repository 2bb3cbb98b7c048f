/** Where a reference row (LA or school) came from: the file, its hash, source and licence. */
import { z } from "@hono/zod-openapi";

export const ReferenceProvenanceSchema = z
  .object({
    file: z.string().max(500).openapi({ example: "data/reference/local-authorities.csv" }),
    sha256: z.string().max(64).regex(/^[0-9a-f]{64}$/).openapi({ example: "3f1c0b6e2b8f4f1e9c2d7a5b6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b" }),
    source: z.string().max(20000),
    licence: z.string().max(20000),
    loaded_at: z.string().max(40).openapi({ format: "date-time" }).openapi({ example: "2026-11-28T09:00:00.000Z" }),
  })
  .openapi("ReferenceProvenance");

export function referenceProvenance(row: {
  referencePath: string;
  referenceSha256: string;
  referenceSource: string;
  referenceLicence: string;
  referenceLoadedAt: string;
}): z.infer<typeof ReferenceProvenanceSchema> {
  return {
    file: row.referencePath,
    sha256: row.referenceSha256,
    source: row.referenceSource,
    licence: row.referenceLicence,
    loaded_at: row.referenceLoadedAt,
  };
}
