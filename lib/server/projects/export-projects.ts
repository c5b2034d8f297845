import "server-only";
import { SOURCE_CONTROL_ITEMS } from "../../domain/source-control";
import { shanghaiMinute } from "../../i18n/format-time";
import { MESSAGES } from "../../i18n/messages";
import type { ListExport } from "../office/list-export";
import type { ExportColumn } from "../office/table-export";
import { listProjects } from "./list-projects";
import type { ProjectDto } from "./project-dto";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const Z = MESSAGES["zh-CN"] as unknown as {
  offsiteProjects: Texts;
  offsiteEnums: { reportForm: Texts; projectStatus: Texts; item: Texts; verdict: Texts };
};
const T = Z.offsiteProjects;
const E = Z.offsiteEnums;

/** One column per item of the "422" checklist: its verdict, with the note when there is one. */
const checklistColumns: ExportColumn<ProjectDto>[] = SOURCE_CONTROL_ITEMS.map((item) => ({
  header: E.item[item] ?? item,
  width: 14,
  value: (p: ProjectDto) => {
    const c = p.checklist.find((x) => x.item === item);
    if (!c?.verdict) return null;
    const verdict = E.verdict[c.verdict] ?? c.verdict;
    return c.note ? `${verdict}：${c.note}` : verdict;
  },
}));

/** 建设项目源头管控（“422”） as the projects page lists them (status, district, enterprise; the person's scope). */
export const projectExport: ListExport<ProjectDto> = {
  permission: "project.read",
  entityType: "ConstructionProject",
  sheetName: "建设项目源头管控",
  fileName: "建设项目源头管控",
  asciiName: "projects",
  columns: [
    { header: T.name ?? "项目名称", width: 30, value: (p) => p.name },
    { header: "建设单位", width: 30, value: (p) => p.enterprise?.name },
    { header: "统一社会信用代码", width: 22, value: (p) => p.enterprise?.creditCode },
    { header: T.district ?? "属地", width: 10, value: (p) => p.district.name },
    { header: T.reportForm ?? "环评文件类型", width: 16, value: (p) => E.reportForm[p.reportForm] ?? p.reportForm },
    { header: T.stage ?? "环评阶段", width: 14, value: (p) => p.stage },
    { header: T.status ?? "状态", width: 10, value: (p) => E.projectStatus[p.status] ?? p.status },
    {
      header: T.notMetCount ?? "不符合项",
      width: 8,
      kind: "int",
      value: (p) => p.checklist.filter((c) => c.verdict === "NOT_MET").length,
    },
    ...checklistColumns,
    { header: T.submittedBy ?? "报送人", width: 10, value: (p) => p.submittedBy.displayName },
    { header: T.submittedAt ?? "报送时间", width: 18, value: (p) => shanghaiMinute(p.createdAt) },
    {
      header: "最近审查",
      width: 40,
      value: (p) => {
        const r = p.reviews[0];
        if (!r) return null;
        const verdict = r.passed ? (T.reviewPass ?? "审查通过") : (T.reviewRefuse ?? "审查不通过");
        return `${verdict}（${r.reviewer.displayName}，${shanghaiMinute(r.at)}）${r.comment ? `：${r.comment}` : ""}`;
      },
    },
    { header: T.demo ?? "演示", width: 6, value: (p) => (p.isDemo ? "是" : "") },
  ],
  // The list pages by its own size (50): the export reads page after page.
  read: async (actor, filters, page, _pageSize, locale) => (await listProjects(actor, { ...filters, page }, { locale })).items,
};
