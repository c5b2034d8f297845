import { z } from "zod";
import { PHOTO_SIGNAL_KINDS } from "../domain/photo-signals";
import { requiredText } from "./common";

/** Longest reason for establishing or withdrawing a finding. */
export const FINDING_REASON_MAX = 1000;

const person = z.object({ id: z.uuid(), displayName: z.string() });
const dateTime = z.string().meta({ format: "date-time" });

export const FINDING_KINDS = ["FAKE_EVIDENCE", "PERFUNCTORY"] as const;
export type FindingKindName = (typeof FINDING_KINDS)[number];

/** A coordinator confirms a piece of evidence as suspected fake (确认为虚假材料). */
export const confirmFakeSchema = z.strictObject({ reason: requiredText(FINDING_REASON_MAX) }).meta({ id: "ConfirmFakeInput" });

/** A leader records that the problem was rectified perfunctorily (认定敷衍整改). */
export const perfunctoryFindingSchema = z
  .strictObject({ reason: requiredText(FINDING_REASON_MAX) })
  .meta({ id: "PerfunctoryFindingInput" });

/** A leader withdraws a finding (撤销认定). */
export const withdrawFindingSchema = z
  .strictObject({ reason: requiredText(FINDING_REASON_MAX) })
  .meta({ id: "WithdrawFindingInput" });

/** An established finding of false or perfunctory rectification, withdrawn or not. */
export const findingSchema = z
  .object({
    id: z.uuid(),
    problemId: z.uuid(),
    kind: z.enum(FINDING_KINDS),
    evidenceId: z.uuid().nullable(),
    evidenceName: z.string().nullable().meta({ description: "The confirmed evidence's file name" }),
    reason: z.string(),
    establishedBy: person,
    establishedAt: dateTime,
    withdrawnAt: dateTime.nullable(),
    withdrawnBy: person.nullable(),
    withdrawReason: z.string().nullable(),
    /** Not withdrawn: it counts for the penalty rule. */
    active: z.boolean(),
    canWithdraw: z.boolean(),
  })
  .meta({ id: "RectificationFinding" });
export type FindingDto = z.output<typeof findingSchema>;

export const findingListSchema = z.object({ items: z.array(findingSchema) }).meta({ id: "RectificationFindingList" });
export type FindingListDto = z.output<typeof findingListSchema>;

/** One signal of possible false rectification on a photo (see lib/domain/photo-signals.ts). */
export const photoSignalSchema = z
  .object({
    kind: z.enum(PHOTO_SIGNAL_KINDS),
    evidenceId: z.uuid().optional().meta({ description: "The matching photo (SAME_AS_BEFORE, REUSED_PHOTO)" }),
    problemId: z.uuid().optional().meta({ description: "The other problem (REUSED_PHOTO)" }),
    problemCode: z.string().optional(),
    distance: z.number().int().optional().meta({ description: "Differing bits of the 64-bit dHash" }),
    capturedAt: dateTime.optional(),
    registeredAt: dateTime.optional(),
    uploadedAt: dateTime.optional(),
    hours: z.number().optional(),
    software: z.string().optional(),
    editor: z.string().optional(),
  })
  .meta({ id: "PhotoSignal" });
export type PhotoSignalDto = z.output<typeof photoSignalSchema>;

export const confirmFakeResultSchema = z
  .object({ finding: findingSchema, evidenceId: z.uuid(), returned: z.boolean() })
  .meta({ id: "ConfirmFakeResult" });
export type ConfirmFakeResultDto = z.output<typeof confirmFakeResultSchema>;
