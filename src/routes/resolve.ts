/** Path identifiers to records, answering 404 problem+json when nothing matches. */
import type { Database } from "../db/client";
import { findLocalAuthority } from "../db/queries/local-authorities";
import { findSchool } from "../db/queries/schools";
import { ApiError } from "../lib/problem";

export async function requireLocalAuthority(db: Database, code: string) {
  const la = await findLocalAuthority(db, code);
  if (!la) {
    throw new ApiError("not_found", `No local authority matches "${code}". Use a DfE code (201), a GSS code (E09000001) or a slug (camden).`);
  }
  return la;
}

export async function requireSchool(db: Database, urn: number) {
  const school = await findSchool(db, urn);
  if (!school) throw new ApiError("not_found", `No school has the URN ${urn}.`);
  return school;
}
