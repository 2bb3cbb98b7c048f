/** Path parameters shared by several resources. */
import { z } from "@hono/zod-openapi";

export const laCodeParams = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: "code", in: "path" }, description: "DfE code, GSS code (current or former) or slug", example: "camden" }),
});

export const urnParams = z.object({
  urn: z.coerce
    .number({ error: "urn must be a whole number." })
    .int({ error: "urn must be a whole number." })
    .min(1, { error: "urn must be a whole number of 1 or more." })
    .max(99_999_999, { error: "urn must have at most 8 digits." })
    .openapi({ param: { name: "urn", in: "path" }, example: 100000 }),
});
