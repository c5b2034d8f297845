import "server-only";
import { db } from "../../db";
import { type Actor, authorize } from "../../permissions";
import { projectListQuerySchema } from "../../schemas/offsite";
import { type Locale, parseInput } from "../../schemas/parse";
import { projectScope } from "../clues/scope";
import { PROJECT_INCLUDE, projectDto } from "./project-dto";

const PAGE_SIZE = 50;

/** `GET /api/v1/projects?status=&districtId=&enterpriseId=&page=`: newest first, in the caller's scope. */
export async function listProjects(actor: Actor, raw: unknown, opts: { locale?: Locale } = {}) {
  authorize(actor, "project.read");
  const q = parseInput(projectListQuerySchema, raw, opts.locale);
  const where = {
    AND: [
      projectScope(actor),
      q.status ? { status: q.status } : {},
      q.districtId ? { districtId: q.districtId } : {},
      q.enterpriseId ? { enterpriseId: q.enterpriseId } : {},
    ],
  };
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([
    db.constructionProject.findMany({
      where,
      include: PROJECT_INCLUDE,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.constructionProject.count({ where }),
  ]);
  return { items: rows.map(projectDto), total, page, pageSize: PAGE_SIZE };
}
