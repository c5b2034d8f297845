import { z } from "zod";
import { colourReasonSchema } from "./colour-reason";
import { colourEnum, measureStatusEnum, statusEnum } from "./problem";
import { roleEnum } from "./user";

/** The most items one "My work" section lists; `total` says how many there are. */
export const WORK_SECTION_MAX = 50;

/** Measures whose milestone is at most this many days away count as due. */
export const MEASURE_DUE_DAYS = 14;

const date = z.string().meta({ format: "date" });
const dateTime = z.string().meta({ format: "date-time" });

/** The problem an item is about, as a row of "My work" shows it. */
export const workProblemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    status: statusEnum,
    colour: colourEnum,
    colourReason: colourReasonSchema.optional(),
    deadline: date.nullable(),
    overdueDays: z.number().int(),
    progress: z.number().int(),
    leadUnitName: z.string(),
    leadOfficialName: z.string().nullable(),
  })
  .meta({ id: "WorkProblem" });

/** A problem that needs someone (to assign, to accept, behind or overdue, without a plan). */
export const workProblemItemSchema = z.object({ problem: workProblemSchema, link: z.string() }).meta({ id: "WorkProblemItem" });

export const workPlanItemSchema = z
  .object({
    planId: z.uuid(),
    versionNo: z.number().int(),
    submittedAt: dateTime,
    submittedByName: z.string(),
    problem: workProblemSchema,
    link: z.string(),
  })
  .meta({ id: "WorkPlanItem" });

export const workExtensionItemSchema = z
  .object({
    extensionId: z.uuid(),
    oldDeadline: date,
    newDeadline: date,
    reason: z.string(),
    requestedAt: dateTime,
    requestedByName: z.string(),
    problem: workProblemSchema,
    link: z.string(),
  })
  .meta({ id: "WorkExtensionItem" });

export const workMeasureItemSchema = z
  .object({
    measureId: z.uuid(),
    seq: z.number().int(),
    description: z.string(),
    ownerUnitName: z.string().nullable(),
    milestone: date,
    /** Days until the milestone; negative when it has passed. */
    daysLeft: z.number().int(),
    percent: z.number().int(),
    status: measureStatusEnum,
    problem: workProblemSchema,
    link: z.string(),
  })
  .meta({ id: "WorkMeasureItem" });

export const workLateReportItemSchema = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    /** The unit's last progress report on the problem, or null when it never reported. */
    lastReportAt: dateTime.nullable(),
    /** The day the report was due. */
    dueOn: date,
    daysLate: z.number().int(),
    problem: workProblemSchema,
    link: z.string(),
  })
  .meta({ id: "WorkLateReportItem" });

const section = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ total: z.number().int(), items: z.array(item) }).meta({ id });

export const myWorkSchema = z
  .object({
    role: roleEnum,
    today: date,
    /** LEADER: plans submitted on problems they lead, waiting for their decision. */
    plansToApprove: section(workPlanItemSchema, "WorkPlanSection").optional(),
    /** LEADER: extension requests on problems they lead. */
    extensionsToDecide: section(workExtensionItemSchema, "WorkExtensionSection").optional(),
    /** DIVISION_HEAD: assigned problems their division leads that have no plan in review or approved. */
    plansToWrite: section(workProblemItemSchema, "WorkPlanToWriteSection").optional(),
    /** DIVISION_HEAD / FIELD_OFFICER: open measures of their unit due within 14 days or overdue. */
    measuresDue: section(workMeasureItemSchema, "WorkMeasureSection").optional(),
    /** Progress reports not received in time (their unit's; the inspection office sees all). */
    reportsMissing: section(workLateReportItemSchema, "WorkLateReportSection").optional(),
    /** LEADER / DIVISION_HEAD: RED and YELLOW problems they lead or their division leads. */
    atRisk: section(workProblemItemSchema, "WorkAtRiskSection").optional(),
    /** COORDINATOR: registered problems waiting to be assigned (交办). */
    toAssign: section(workProblemItemSchema, "WorkToAssignSection").optional(),
    /** COORDINATOR: problems that applied for acceptance (待验收). */
    pendingAcceptance: section(workProblemItemSchema, "WorkPendingAcceptanceSection").optional(),
  })
  .meta({ id: "MyWork" });
export type MyWork = z.output<typeof myWorkSchema>;
export type WorkProblem = z.output<typeof workProblemSchema>;
export type WorkSectionKey = Exclude<keyof MyWork, "role" | "today">;
