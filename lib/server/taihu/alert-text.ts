import "server-only";
import en from "../../../messages/modules/taihu-forms.en.json";
import zhCN from "../../../messages/modules/taihu-forms.zh-CN.json";
import type { Locale } from "../../schemas/parse";
import type { NoticeText } from "../notifications/notify";
import { reflectNotice } from "../self-reviews/texts";

const WORDS = { "zh-CN": zhCN.taihuNotice, en: en.taihuNotice };

/** What a Taihu alert is about: the first reading of the episode, as measured (numbers, not text). */
export type AlertFacts = {
  point: string;
  code: string;
  day: string;
  level: 1 | 2;
  algaeDensity: number | null;
  bloomArea: number | null;
  blackBloom: boolean;
  sourceAbnormal: boolean;
};

/** The alert notice in `locale`: each recipient reads it in their own language (the group webhook gets the Chinese copy). */
export function taihuAlertText(locale: Locale, f: AlertFacts): NoticeText {
  const w = WORDS[locale];
  const what: string[] = [];
  if (f.algaeDensity !== null) what.push(w.algae.replace("{v}", String(f.algaeDensity)));
  if (f.bloomArea !== null) what.push(w.bloom.replace("{v}", String(f.bloomArea)));
  if (f.blackBloom) what.push(w.blackBloom);
  if (f.sourceAbnormal) what.push(w.sourceAbnormal);
  return reflectNotice(locale, "taihu", {
    point: f.point,
    code: f.code,
    day: f.day,
    what: what.join(w.separator),
    level: f.level === 2 ? w.level2 : w.level1,
  });
}
