/**
 * The one paging helper: query fields, offset maths, and the `paging` + `_links` envelope
 * (DfE Explore Education Statistics shape, snake_case to match our query parameters).
 */
import { z } from "@hono/zod-openapi";

export const MAX_PER_PAGE = 200;
export const DEFAULT_PER_PAGE = 50;
const MAX_PAGE = 100_000;

export const pagingQuery = {
  page: z.coerce
    .number({ error: "page must be a whole number of 1 or more." })
    .int({ error: "page must be a whole number of 1 or more." })
    .min(1, { error: "page must be a whole number of 1 or more." })
    .max(MAX_PAGE, { error: `page must be at most ${MAX_PAGE}.` })
    .default(1)
    .openapi({ description: "Page number, from 1.", example: 1 }),
  per_page: z.coerce
    .number({ error: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.` })
    .int({ error: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.` })
    .min(1, { error: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.` })
    .max(MAX_PER_PAGE, { error: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.` })
    .default(DEFAULT_PER_PAGE)
    .openapi({ description: `Results per page, 1 to ${MAX_PER_PAGE}.`, example: DEFAULT_PER_PAGE }),
};

const link = z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/schools?page=2&per_page=50" }) }).openapi("Link");

export const PagingSchema = z
  .object({
    page: z.number().int().min(0).max(2147483647).openapi({ example: 1 }),
    per_page: z.number().int().min(0).max(2147483647).openapi({ example: 50 }),
    total_results: z.number().int().min(0).max(2147483647).openapi({ example: 153 }),
    total_pages: z.number().int().min(0).max(2147483647).openapi({ example: 4 }),
  })
  .openapi("Paging");

export const PageLinksSchema = z
  .object({ self: link, first: link, last: link, prev: link.optional(), next: link.optional() })
  .openapi("PageLinks");

export function pagedSchema<T extends z.ZodType>(item: T, name: string) {
  return z.object({ paging: PagingSchema, _links: PageLinksSchema, results: z.array(item).max(200) }).openapi(name);
}

export interface PageRequest {
  page: number;
  per_page: number;
}

export function offsetOf({ page, per_page }: PageRequest): number {
  return (page - 1) * per_page;
}

/**
 * Links keep every other query parameter as sent, so filters carry across pages. A page past
 * the end is not an error: it returns no results, with `prev` pointing at the last page.
 */
export function pageEnvelope<T>(requestUrl: string, req: PageRequest, totalResults: number, results: T[]) {
  const totalPages = Math.max(1, Math.ceil(totalResults / req.per_page));
  const url = new URL(requestUrl);
  const href = (page: number) => {
    const params = new URLSearchParams(url.search);
    params.set("page", String(page));
    params.set("per_page", String(req.per_page));
    return { href: `${url.pathname}?${params.toString()}` };
  };
  return {
    paging: { page: req.page, per_page: req.per_page, total_results: totalResults, total_pages: totalPages },
    _links: {
      self: href(req.page),
      first: href(1),
      last: href(totalPages),
      ...(req.page > 1 ? { prev: href(Math.min(req.page - 1, totalPages)) } : {}),
      ...(req.page < totalPages ? { next: href(req.page + 1) } : {}),
    },
    results,
  };
}

export type PageEnvelope<T> = ReturnType<typeof pageEnvelope<T>>;
