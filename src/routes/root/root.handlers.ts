import { database } from "../../db/client";
import { latestPublishedRelease } from "../../db/queries/datasets";
import type { AppRouteHandler } from "../../lib/create-router";
import { OPENAPI_PATH } from "../../lib/openapi";
import { API_VERSION } from "../../version";
import type { RootRoute } from "./root.routes";

export const root: AppRouteHandler<RootRoute> = async (c) => {
  const release = await latestPublishedRelease(database(c.env.DB));
  return c.json(
    {
      name: "SEND ordinarily available provision API",
      description:
        "Open reference data on the support every mainstream school and setting in England is expected to provide for children with special educational needs, from each local authority's published guidance, with the source of every record.",
      api_version: API_VERSION,
      dataset_version: release?.version ?? null,
      openapi_url: OPENAPI_PATH,
      docs_url: "/docs",
      licence: {
        name: "Open Government Licence v3.0",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        applies_to:
          "Reference data on local authorities and schools. Each dataset release states the licence of every source document it draws on.",
      },
      publisher: {
        name: "SEND OAP open reference",
        description: "An independent open-data project; not an official government service.",
      },
      _links: {
        self: { href: "/" },
        openapi: { href: OPENAPI_PATH },
        docs: { href: "/docs" },
        local_authorities: { href: "/v1/local-authorities" },
        schools: { href: "/v1/schools" },
        downloads: { href: "/v1/datasets" },
        problems: { href: "/problems" },
      },
    },
    200,
  );
};
