import "server-only";
import { Prisma } from "@prisma/client";
import en from "../../../messages/en.json";
import zhCN from "../../../messages/zh-CN.json";
import type { NoticeName } from "./notice-text";
import { deliveryChannels } from "./notify";

/** What `String.prototype.trim` removes (e-mail addresses are stored trimmed, as `notifyMany` does). */
const JS_WHITESPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

const NOTICES = { "zh-CN": zhCN.notifications.notice, en: en.notifications.notice };

/**
 * A `notice-text.ts` template as a SQL expression over the columns of `row`: the template is cut
 * at its `{name}` placeholders once, in JS, and the pieces are joined with `||` — the same single
 * pass as `fill` (a title that itself contains "{days}" stays as written), a placeholder without a
 * variable kept as written. Integers print as `String(n)` does.
 */
export function templateSql(template: string, vars: readonly string[], row: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const name = m[1] as string;
    if (!vars.includes(name)) continue;
    if (m.index > last) parts.push(Prisma.sql`${template.slice(last, m.index)}::text`);
    parts.push(Prisma.raw(`${row}."${name}"::text`));
    last = m.index + m[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(Prisma.sql`${template.slice(last)}::text`);
  return Prisma.join(parts, " || ");
}

/** Title or body of the notice named by the row's `tpl` column, in the language of its recipient (`english`). */
function textSql(
  field: "title" | "body",
  templates: Record<string, NoticeName>,
  vars: readonly string[],
  row: string,
): Prisma.Sql {
  const byLocale = (locale: "zh-CN" | "en") =>
    Prisma.sql`CASE ${Prisma.raw(`${row}.tpl`)} ${Prisma.join(
      Object.entries(templates).map(
        ([tpl, name]) => Prisma.sql`WHEN ${tpl}::text THEN ${templateSql(NOTICES[locale][name][field], vars, row)}`,
      ),
      " ",
    )} END`;
  return Prisma.sql`CASE WHEN ${Prisma.raw(`${row}.english`)} THEN ${byLocale("en")} ELSE ${byLocale("zh-CN")} END`;
}

/**
 * `notifyMany` as common table expressions, for the scheduled jobs that notify thousands at once:
 * `from` names a CTE of candidate rows — one per notice and recipient: `key` (the notice's dedupe
 * key), `"userId"`, `grp` (the recipient's place in the notice's list: earlier groups first, by
 * username within a group), `"problemId"`, `kind`, `link`, `tpl` (a key of `templates`) and one
 * column per variable of the templates. Written exactly as `notifyMany` writes them: inactive
 * accounts dropped, each recipient once per notice (`<key>:<userId>`, a notice already stored is
 * skipped), the text in the recipient's language, an e-mail copy per recipient with an address
 * when SMTP is configured and one webhook copy per notice (the first Chinese reader's, else the
 * first reader's) when a webhook is. Adds the CTEs `n_rows`, `n_hook`, `n_ins` (the notifications
 * created) and `n_out` after the caller's own; the caller counts `n_ins`.
 */
export function notifyCtes(opts: { from: string; templates: Record<string, NoticeName>; vars: readonly string[] }): Prisma.Sql {
  const channels = deliveryChannels();
  const from = Prisma.raw(opts.from);
  return Prisma.sql`
    n_rows AS (
      SELECT DISTINCT ON (c.key, c."userId") c.*, c.key || ':' || c."userId"::text AS "dedupeKey", u.username,
             (u.locale IS NOT DISTINCT FROM 'en') AS english, nullif(btrim(u.email, ${JS_WHITESPACE}::text), '') AS email
      FROM ${from} c JOIN "User" u ON u.id = c."userId" AND u.active
      ORDER BY c.key, c."userId", c.grp),
    n_hook AS (
      SELECT DISTINCT ON (r.key) r."dedupeKey" FROM n_rows r ORDER BY r.key, r.english, r.grp, r.username),
    n_ins AS (
      INSERT INTO "Notification" (id, "createdAt", "userId", "problemId", kind, title, body, link, "dedupeKey")
      SELECT gen_random_uuid(), now() AT TIME ZONE 'UTC', r."userId", r."problemId", r.kind,
             ${textSql("title", opts.templates, opts.vars, "r")}, ${textSql("body", opts.templates, opts.vars, "r")}, r.link, r."dedupeKey"
      FROM n_rows r
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id, "dedupeKey"),
    n_out AS (
      INSERT INTO "NotificationDelivery" (id, "notificationId", channel, target, "createdAt")
      SELECT gen_random_uuid(), i.id, 'EMAIL'::"NotificationChannel", r.email, now() AT TIME ZONE 'UTC'
      FROM n_ins i JOIN n_rows r ON r."dedupeKey" = i."dedupeKey"
      WHERE ${channels.email}::boolean AND r.email IS NOT NULL
      UNION ALL
      SELECT gen_random_uuid(), i.id, 'WEBHOOK'::"NotificationChannel", ${channels.webhookUrl}::text, now() AT TIME ZONE 'UTC'
      FROM n_ins i JOIN n_hook h ON h."dedupeKey" = i."dedupeKey"
      WHERE ${channels.webhookUrl}::text IS NOT NULL)`;
}
