import "server-only";
import { parseCalendarDate } from "../../domain/calendar";
import { MESSAGES } from "../../i18n/messages";
import { campaignProgressExportQuery } from "../../schemas/enforcement";
import { parseInput } from "../../schemas/parse";
import { type ListExport, unpaged } from "../office/list-export";
import { type CampaignSummary, getCampaign, type ProgressRow } from "./campaigns";

type Texts = Record<string, string>;
// Exports are office documents: headers and labels in Chinese whatever the reader's language.
const E = (
  MESSAGES["zh-CN"] as unknown as {
    enforcement: { campaigns: Texts; actions: Texts; colour: Texts; common: Texts };
  }
).enforcement;

export type CampaignProgressRow = ProgressRow & { campaign: CampaignSummary };

/**
 * One campaign's progress (专项行动进度) as its page shows it: a row per action and district with
 * inspected / target, the percent, the planned pace and the pace grade; a field officer's file
 * holds their district's rows only, as their page.
 */
export const campaignProgressExport: ListExport<CampaignProgressRow> = {
  permission: "campaign.read",
  entityType: "Campaign",
  sheetName: "专项行动进度",
  fileName: "专项行动进度",
  asciiName: "campaign-progress",
  columns: [
    { header: E.campaigns.name ?? "名称", width: 24, value: (r) => r.campaign.name },
    { header: E.campaigns.startsOn ?? "开始日期", width: 12, kind: "date", value: (r) => parseCalendarDate(r.campaign.startsOn) },
    { header: E.campaigns.endsOn ?? "结束日期", width: 12, kind: "date", value: (r) => parseCalendarDate(r.campaign.endsOn) },
    { header: E.campaigns.action ?? "专项行动", width: 14, value: (r) => E.actions[r.actionType] ?? r.actionType },
    { header: E.common.district ?? "属地", width: 10, value: (r) => r.districtName },
    { header: E.campaigns.inspected ?? "已检查", width: 8, kind: "int", value: (r) => r.inspected },
    { header: E.campaigns.target ?? "目标", width: 8, kind: "int", value: (r) => r.target },
    { header: E.campaigns.progress ?? "进度", width: 8, kind: "percent", value: (r) => r.percent },
    { header: E.campaigns.planned ?? "序时进度", width: 8, kind: "percent", value: (r) => r.plannedPercent },
    { header: "进度状态", width: 14, value: (r) => E.colour[r.colour] ?? r.colour },
  ],
  // The campaign's rows at once: one page.
  read: (actor, filters, page, _pageSize, locale) =>
    unpaged(async () => {
      const { campaignId } = parseInput(campaignProgressExportQuery, filters, locale);
      const c = await getCampaign(actor, campaignId);
      const { progress, ...campaign } = c;
      return progress.map((r) => ({ ...r, campaign }));
    }, page),
};
