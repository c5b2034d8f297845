import { z } from "zod";
import { CLUE_RULES } from "../domain/clue-detection";
import { SOURCE_CONTROL_ITEMS, SOURCE_CONTROL_VERDICTS } from "../domain/source-control";
import { emptyToUndefined, kindError, optionalText, requiredText, strictNumberInput } from "./common";

export const CLUE_STATUSES = ["OPEN", "ASSIGNED", "CLOSED", "DISMISSED"] as const;
export const CLUE_DISMISS_REASONS = ["MAINTENANCE_FILED", "CALIBRATION", "INSTRUMENT_FAULT", "OTHER"] as const;
export const EIA_REPORT_FORMS = ["REPORT_BOOK", "REPORT_TABLE"] as const;
export const PROJECT_STATUSES = ["SUBMITTED", "PASSED", "REFUSED"] as const;

const uuid = z.uuid({ error: "v.invalidOption" });
const version = z
  .preprocess(
    strictNumberInput,
    z
      .number({ error: kindError("v.invalidNumber") })
      .int()
      .min(1),
  )
  .optional();
const page = z.preprocess(
  (v) => strictNumberInput(emptyToUndefined(v)),
  z
    .number({ error: kindError("v.invalidNumber") })
    .int()
    .min(1)
    .max(10_000)
    .optional(),
);

/** `GET /api/v1/clues` */
export const clueListQuerySchema = z
  .strictObject({
    status: z.preprocess(emptyToUndefined, z.enum(CLUE_STATUSES, { error: "v.invalidOption" }).optional()),
    rule: z.preprocess(emptyToUndefined, z.enum(CLUE_RULES, { error: "v.invalidOption" }).optional()),
    districtId: z.preprocess(emptyToUndefined, uuid.optional()),
    enterpriseId: z.preprocess(emptyToUndefined, uuid.optional()),
    page,
  })
  .meta({ id: "ClueListQuery" });
export type ClueListQuery = z.output<typeof clueListQuerySchema>;

/** `POST /api/v1/clues/{id}/assign` */
export const clueAssignSchema = z.strictObject({ assigneeId: uuid, version }).meta({ id: "ClueAssign" });

/** `POST /api/v1/clues/{id}/dismiss`: a reason from the list; OTHER needs the text. */
export const clueDismissSchema = z
  .strictObject({
    reason: z.enum(CLUE_DISMISS_REASONS, { error: "v.invalidOption" }),
    note: optionalText(500),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.reason === "OTHER" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "选择“其他”时须填写说明" });
  })
  .meta({ id: "ClueDismiss" });

/** `GET /api/v1/projects` */
export const projectListQuerySchema = z
  .strictObject({
    status: z.preprocess(emptyToUndefined, z.enum(PROJECT_STATUSES, { error: "v.invalidOption" }).optional()),
    districtId: z.preprocess(emptyToUndefined, uuid.optional()),
    enterpriseId: z.preprocess(emptyToUndefined, uuid.optional()),
    page,
  })
  .meta({ id: "ProjectListQuery" });

/** `POST /api/v1/projects`: submits a project for the source-control review (the district's EIA intake must not be suspended). */
export const projectCreateSchema = z
  .strictObject({
    name: requiredText(200),
    enterpriseId: z.preprocess(emptyToUndefined, uuid.optional()),
    districtId: z.preprocess(emptyToUndefined, uuid.optional()),
    reportForm: z.enum(EIA_REPORT_FORMS, { error: "v.invalidOption" }),
    stage: requiredText(60),
  })
  .superRefine((v, ctx) => {
    if (!v.enterpriseId && !v.districtId)
      ctx.addIssue({ code: "custom", path: ["districtId"], message: "请选择属地，或选择企业（取企业所在属地）" });
  })
  .meta({ id: "ProjectCreate" });
export type ProjectCreateInput = z.output<typeof projectCreateSchema>;

/** `PUT /api/v1/projects/{id}/source-control`: all eight items, each once. */
export const sourceControlSchema = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          item: z.enum(SOURCE_CONTROL_ITEMS, { error: "v.invalidOption" }),
          verdict: z.enum(SOURCE_CONTROL_VERDICTS, { error: "v.invalidOption" }),
          note: z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().trim().max(500)),
        }),
      )
      .max(8, "清单只有 8 项"),
    version,
  })
  .meta({ id: "SourceControlChecklist" });
export type SourceControlInput = z.output<typeof sourceControlSchema>;

/** `POST /api/v1/projects/{id}/review`: pass or refuse; a refusal says why. */
export const projectReviewSchema = z
  .strictObject({
    pass: z.boolean({ error: "v.invalidOption" }),
    comment: optionalText(1000),
    version,
  })
  .superRefine((v, ctx) => {
    if (!v.pass && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "不通过时须填写审查意见" });
  })
  .meta({ id: "ProjectReview" });
