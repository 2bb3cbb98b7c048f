import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, PROBLEMS, type ProblemCode } from "../../lib/problem";
import type { GetOneRoute, ListRoute } from "./problems.routes";

const describe = (code: ProblemCode) => ({ code, ...PROBLEMS[code] });

export const list: AppRouteHandler<ListRoute> = (c) =>
  c.json({ results: (Object.keys(PROBLEMS) as ProblemCode[]).map(describe) }, 200);

export const getOne: AppRouteHandler<GetOneRoute> = (c) => {
  const { code } = c.req.valid("param");
  if (!Object.hasOwn(PROBLEMS, code)) throw new ApiError("not_found", `There is no problem type "${code}". See /problems for the list.`);
  return c.json(describe(code as ProblemCode), 200);
};
