import { closureChecklistSchema } from "../../domain/closure-checklist";
import {
  acceptanceInputSchema,
  checklistSchema,
  closureSchema,
  lookbackInputSchema,
  objectionBulkDismissSchema,
  objectionDecisionSchema,
  objectionInputSchema,
  objectionReceiptSchema,
  publicNoticeSchema,
  signOffInputSchema,
  versionOnlySchema,
} from "../../schemas/closure";
import { errors, idParam, json, list, ref } from "./helpers";

/** The closure half: checklist, acceptance, public notice and objections, sign-off, look-back; the public notice list. */
export function closurePaths(): Record<string, unknown> {
  const closure = (description: string, status = "200") => ({
    [status]: { description, content: json(ref(closureSchema)) },
  });
  const noticeIdParam = { name: "noticeId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  return {
    "/api/v1/settings/closure-checklist": {
      get: {
        summary: "Which evidence kinds each problem category must carry before closure (anyone signed in)",
        responses: {
          "200": { description: "Checklist per category", content: json(ref(closureChecklistSchema)) },
          ...errors(401),
        },
      },
      patch: {
        summary: "Replace the closure checklist (administrators); every category named, kinds distinct; audited",
        requestBody: { required: true, content: json(ref(closureChecklistSchema)) },
        responses: {
          "200": { description: "Checklist now in force", content: json(ref(closureChecklistSchema)) },
          ...errors(400, 401, 403, 422),
        },
      },
    },
    "/api/v1/problems/{id}/closure-checklist": {
      get: {
        summary:
          "How the problem's current evidence meets its category's checklist: per required kind MISSING, RETURNED, SUBMITTED (awaiting review) or ACCEPTED. " +
          "`complete` lets it apply for acceptance, `accepted` lets acceptance pass",
        parameters: [idParam],
        responses: { "200": { description: "Checklist", content: json(ref(checklistSchema)) }, ...errors(401, 404) },
      },
    },
    "/api/v1/problems/{id}/closure": {
      get: {
        summary:
          "The problem's acceptances, public notices with their objections, and closures (a look-back keeps the old closure), newest first; " +
          "the checklist and the closure steps the caller may take now",
        parameters: [idParam],
        responses: { ...closure("Closure record"), ...errors(401, 404) },
      },
    },
    "/api/v1/problems/{id}/acceptance": {
      post: {
        summary:
          "Record an acceptance (coordinator, problem pending acceptance). FAILED: back to rectification, the opinion is the reason. " +
          "PASSED: every required material must be accepted (else 422 naming the kinds); opens the public notice in `notice` " +
          "(start defaults to today in Asia/Shanghai, end to start + noticeDays). Send the problem version you saw",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(acceptanceInputSchema)) },
        responses: { ...closure("Recorded", "201"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/problems/{id}/notice/end": {
      post: {
        summary:
          "End the open public notice (coordinator): refused (422) before its end date or while an objection is pending; the problem goes to sign-off",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(versionOnlySchema)) },
        responses: { ...closure("Ended"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/objections/{id}/decision": {
      post: {
        summary:
          "Handle an objection (coordinator) with a note: UPHOLD withdraws the notice and sends the problem back to acceptance; " +
          "DISMISS records it and the notice runs on. `version` is the problem's version",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(objectionDecisionSchema)) },
        responses: { ...closure("Handled"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/problems/{id}/objections/dismiss": {
      post: {
        summary:
          "Dismiss several pending objections of the problem at once (coordinator; spam during a public notice), with one note. " +
          "All or nothing; each dismissal is audited; dismissed objections no longer hold up the end of the notice",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(objectionBulkDismissSchema)) },
        responses: { ...closure("Dismissed"), ...errors(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    "/api/v1/problems/{id}/sign-off": {
      post: {
        summary:
          "The problem's lead official signs the closure (SIGN: closed, a closure record naming the acceptance and notice) " +
          "or returns it to rectification (RETURN, comment required)",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(signOffInputSchema)) },
        responses: { ...closure("Decided"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/problems/{id}/lookback": {
      post: {
        summary:
          "A look-back found a relapse (coordinator, closed problem): back to rectification with the relapse flag; the closure stays on record, marked reopened",
        parameters: [idParam],
        requestBody: { required: true, content: json(ref(lookbackInputSchema)) },
        responses: { ...closure("Reopened"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/api/v1/public/notices": {
      get: {
        summary: "Problems now in public notice, for anyone without sign-in: public fields only",
        security: [],
        responses: { "200": { description: "Notices", content: json(list(ref(publicNoticeSchema))) } },
      },
    },
    "/api/v1/public/notices/{noticeId}/objections": {
      post: {
        summary:
          "Raise an objection to a problem in public notice, without sign-in, while the notice is open. `website` must stay empty. " +
          "Limited per sender address to objectionsPerHour (429 with Retry-After)",
        security: [],
        parameters: [noticeIdParam],
        requestBody: { required: true, content: json(ref(objectionInputSchema)) },
        responses: {
          "201": { description: "Received", content: json(ref(objectionReceiptSchema)) },
          ...errors(400, 403, 404, 422, 429),
        },
      },
    },
  };
}
