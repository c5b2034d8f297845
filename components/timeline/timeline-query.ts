/** The timeline board's URL parameters, shared by the server page and the client filter form. */
export const TIMELINE_FILTER_KEYS = ["districtCode", "leadUnitId", "leadOfficialId", "status", "colour"] as const;
export type TimelineFilterKey = (typeof TIMELINE_FILTER_KEYS)[number];
