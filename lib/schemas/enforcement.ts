import { z } from "zod";
import { checkCreditCode, creditCodeMessage, normalizeCreditCode } from "../domain/credit-code";
import { ACTION_TYPES, CASE_MEASURES, CASE_STATUSES, INSPECTION_MODES, INSPECTION_RESULTS } from "../domain/enforcement";
import { DEADLINE_BANDS, ENTERPRISE_STATUSES, ENTERPRISE_TAGS, PROBLEM_CATEGORIES } from "../domain/enums";
import { calendarDate, emptyToUndefined, optionalText, pageQuery, requiredOr, requiredText, strictNumberInput } from "./common";

/** Enforcement (专项执法) inputs, shared by the pages, the server actions, the REST API and the OpenAPI document. */

const districtCode = z.string().regex(/^\d{6}$/, "请选择属地（六位行政区划代码）");

/** Paging as everywhere, but an empty `page=`/`pageSize=` (a form left untouched) means the default, like every other empty filter. */
const paging = {
  page: z.preprocess(emptyToUndefined, pageQuery.page),
  pageSize: z.preprocess(emptyToUndefined, pageQuery.pageSize),
};

export const creditCodeField = z
  .string({ error: requiredOr("统一社会信用代码不能为空") })
  .transform((s) => normalizeCreditCode(s))
  .superRefine((s, ctx) => {
    const r = checkCreditCode(s);
    if (!r.ok) ctx.addIssue({ code: "custom", message: creditCodeMessage(r) });
  })
  .meta({ example: "91320200MA1MXXXX0X", description: "统一社会信用代码 (GB 32100-2015)" });

const latitude = z.preprocess(emptyToUndefined, z.preprocess(strictNumberInput, z.number().min(-90).max(90)).optional());
const longitude = z.preprocess(emptyToUndefined, z.preprocess(strictNumberInput, z.number().min(-180).max(180)).optional());

const enterpriseFields = {
  creditCode: creditCodeField,
  name: requiredText(200),
  districtCode,
  address: optionalText(300),
  lat: latitude,
  lng: longitude,
  industry: optionalText(100),
  tags: z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).default([]),
  status: z.enum(ENTERPRISE_STATUSES).default("OPERATING"),
  closedOn: z.preprocess(emptyToUndefined, calendarDate.optional()),
};

function checkClosed(v: { status?: string; closedOn?: string | null }, ctx: z.RefinementCtx): void {
  if (v.status === "CLOSED" && !v.closedOn)
    ctx.addIssue({ code: "custom", path: ["closedOn"], message: "关闭的企业须填写关闭日期" });
  if (v.status !== undefined && v.status !== "CLOSED" && v.closedOn)
    ctx.addIssue({ code: "custom", path: ["closedOn"], message: "只有已关闭的企业才填写关闭日期" });
}

export const enterpriseCreateSchema = z.strictObject(enterpriseFields).superRefine(checkClosed).meta({ id: "EnterpriseCreate" });
export type EnterpriseCreateInput = z.output<typeof enterpriseCreateSchema>;

export const enterprisePatchSchema = z
  .strictObject({
    name: requiredText(200).optional(),
    districtCode: districtCode.optional(),
    address: optionalText(300),
    lat: latitude,
    lng: longitude,
    industry: optionalText(100),
    tags: z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).optional(),
    status: z.enum(ENTERPRISE_STATUSES).optional(),
    closedOn: z.preprocess(emptyToUndefined, calendarDate.nullable().optional()),
    version: z.preprocess(strictNumberInput, z.number().int().min(1).max(2_147_483_647)),
  })
  .meta({ id: "EnterprisePatch" });

export const enterpriseListQuery = z.object({
  q: optionalText(100),
  districtCode: z.preprocess(emptyToUndefined, districtCode.optional()),
  tag: z.preprocess(emptyToUndefined, z.enum(ENTERPRISE_TAGS).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(ENTERPRISE_STATUSES).optional()),
  ...paging,
});

const yearField = z.preprocess(strictNumberInput, z.number().int().min(2000).max(2100));

export const campaignCreateSchema = z
  .strictObject({
    name: requiredText(100),
    year: yearField,
    startsOn: calendarDate,
    endsOn: calendarDate,
    actions: z
      .array(
        z.strictObject({
          type: z.enum(ACTION_TYPES),
          targetTags: z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).default([]),
          /** Per district; omitted → every district's count of target enterprises. */
          targets: z
            .array(
              z.strictObject({
                districtCode,
                targetCount: z.preprocess(strictNumberInput, z.number().int().min(0).max(100_000)),
              }),
            )
            .max(50)
            .optional(),
        }),
      )
      .min(1, "至少包含一项专项行动")
      .max(ACTION_TYPES.length),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "结束日期不得早于开始日期" });
    if (!v.startsOn.startsWith(String(v.year)))
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "开始日期须在行动年度内" });
    const types = v.actions.map((a) => a.type);
    if (new Set(types).size !== types.length)
      ctx.addIssue({ code: "custom", path: ["actions"], message: "同一类专项行动只能出现一次" });
  })
  .meta({ id: "CampaignCreate" });
export type CampaignCreateInput = z.output<typeof campaignCreateSchema>;

export const campaignListQuery = z.object({ year: z.preprocess(emptyToUndefined, yearField.optional()) });

/** A campaign's progress export: the campaign (from the path) and no other filter. */
export const campaignProgressExportQuery = z.strictObject({ campaignId: z.uuid() }).meta({ id: "CampaignProgressExportQuery" });

export const inspectionCreateSchema = z
  .strictObject({
    enterpriseId: z.uuid("请选择企业"),
    actionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    inspectedOn: calendarDate,
    mode: z.enum(INSPECTION_MODES, "请选择执法方式"),
    /** Defaults to the recorder's unit. */
    leadUnitId: z.preprocess(emptyToUndefined, z.uuid().optional()),
    inspectorIds: z.array(z.uuid()).min(1, "请选择检查人员").max(20),
    findings: requiredText(4000),
    result: z.enum(INSPECTION_RESULTS, "请选择检查结果"),
    clueId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  })
  .meta({ id: "InspectionCreate" });
export type InspectionCreateInput = z.output<typeof inspectionCreateSchema>;

const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");

/** Filters the dashboard links carry (each number drills to its rows). */
const enforcementFilters = {
  districtCode: z.preprocess(emptyToUndefined, districtCode.optional()),
  actionType: z.preprocess(emptyToUndefined, z.enum(ACTION_TYPES).optional()),
  mode: z.preprocess(emptyToUndefined, z.enum(INSPECTION_MODES).optional()),
  from: z.preprocess(emptyToUndefined, monthText.optional()),
  to: z.preprocess(emptyToUndefined, monthText.optional()),
  enterpriseId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  campaignId: z.preprocess(emptyToUndefined, z.uuid().optional()),
};

export const inspectionListQuery = z.object({
  ...enforcementFilters,
  result: z.preprocess(emptyToUndefined, z.enum(INSPECTION_RESULTS).optional()),
  ...paging,
});
export type InspectionListQuery = z.output<typeof inspectionListQuery>;

export const caseCreateSchema = z
  .strictObject({
    inspectionId: z.uuid("请选择发现违法行为的检查"),
    violation: requiredText(2000),
    legalBasis: requiredText(1000),
    fineYuan: z.preprocess(
      strictNumberInput,
      z.number("罚款金额须为整数（元）").int("罚款金额须为整数（元）").min(0).max(1_000_000_000),
    ),
    measures: z.array(z.enum(CASE_MEASURES)).max(CASE_MEASURES.length).default([]),
    filedOn: calendarDate,
  })
  .meta({ id: "CaseCreate" });
export type CaseCreateInput = z.output<typeof caseCreateSchema>;

export const caseTransitionSchema = z
  .strictObject({
    to: z.enum(CASE_STATUSES),
    on: calendarDate,
    version: z.preprocess(strictNumberInput, z.number().int().min(1).max(2_147_483_647)),
  })
  .meta({ id: "CaseTransition" });

export const caseListQuery = z.object({
  ...enforcementFilters,
  status: z.preprocess(emptyToUndefined, z.enum(CASE_STATUSES).optional()),
  withProblem: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
  ...paging,
});
export type CaseListQuery = z.output<typeof caseListQuery>;

export const summaryQuery = z.object({
  from: z.preprocess(emptyToUndefined, monthText.optional()),
  to: z.preprocess(emptyToUndefined, monthText.optional()),
});

/** 立为台账问题: what the ledger needs beyond the case (district, enterprise and source come from the case). */
export const caseProblemSchema = z
  .strictObject({
    leadUnitId: z.uuid("请选择牵头责任单位"),
    category: z.enum(PROBLEM_CATEGORIES, "请选择问题类型"),
    deadlineBand: z.enum(DEADLINE_BANDS, "请选择整改时限类型"),
    deadline: z.preprocess(emptyToUndefined, calendarDate.optional()),
    leadOfficialId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  })
  .meta({ id: "CaseProblem" });
