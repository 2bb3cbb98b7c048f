/**
 * Turns zod issues into per-field errors keyed by JSONPath-like field names
 * (`per_page`, `lines[2].text`); whole-request problems go under the key "".
 */
import type { Hook, z } from "@hono/zod-openapi";
import type { AppBindings } from "../env";
import { ApiError, type FieldErrors } from "./problem";
import { foldText } from "./text";

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

export function fieldErrorsFrom(issues: ReadonlyArray<z.core.$ZodIssue>): FieldErrors {
  // No prototype: a query parameter named "constructor" or "__proto__" is just a field.
  const errors: FieldErrors = Object.create(null);
  const add = (field: string, message: string, code: string) => {
    (errors[field] ??= []).push({ message, code });
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(fieldPath([...issue.path, key]), "This parameter is not recognised here.", "unrecognised");
      continue;
    }
    add(fieldPath(issue.path), issue.message, issue.code);
  }
  return errors;
}

const TARGET_LABEL: Record<string, string> = {
  query: "query parameters",
  param: "path parameters",
  header: "headers",
  json: "JSON body",
  form: "form body",
  cookie: "cookies",
};

/** Shared by every router: a failed validation becomes one problem+json with every field listed. */
export const defaultHook: Hook<any, AppBindings, any, void> = (result) => {
  if (result.success) return;
  const errors = fieldErrorsFrom(result.error.issues);
  const fields = Object.keys(errors).filter(Boolean);
  const where = TARGET_LABEL[result.target] ?? result.target;
  const detail = fields.length
    ? `Check the ${where}: ${fields.join(", ")}.`
    : `The ${where} could not be validated.`;
  // A readable body with wrong fields is "unprocessable"; bad query or path input is a bad request.
  const status = result.target === "json" || result.target === "form" ? 422 : 400;
  throw new ApiError("validation_failed", detail, { status, errors });
};

/** A field error found after schema validation (an unknown region, say), shaped like the hook's. */
export function invalidQueryField(field: string, message: string, code = "invalid_value"): ApiError {
  return new ApiError("validation_failed", `Check the query parameters: ${field}.`, {
    errors: { [field]: [{ message, code }] },
  });
}

/** Fields of a readable JSON body found invalid after schema validation (an unknown LA, say): 422, shaped like the hook's. */
export function invalidBodyFields(errors: FieldErrors): ApiError {
  return new ApiError("validation_failed", `Check the JSON body: ${Object.keys(errors).join(", ")}.`, { status: 422, errors });
}

/** Folds a free-text query, refusing one with nothing searchable left (only punctuation, say). */
export function searchableText(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const folded = foldText(value);
  if (!folded) throw invalidQueryField(field, `${field} must contain at least one letter or digit.`, "too_small");
  return folded;
}
