import "server-only";
import { db } from "../../db";
import { NotFound } from "../../errors";
import { type Actor, authorize } from "../../permissions";
import { isUuid } from "../../schemas/common";
import { districtScope } from "../bottom-line/scope";
import { type SweepSummaryDto, sweepInclude, toSweepDtos } from "./sweep-dto";

/** A file stored with a check item: when it was taken (EXIF, when the camera wrote it) and uploaded. */
export type SweepPhotoDto = {
  id: string;
  originalName: string;
  mime: string;
  hasThumb: boolean;
  capturedAt: string | null;
  /** EXIF GPS (WGS-84) when the photo carries one. */
  latitude: number | null;
  longitude: number | null;
  uploadedAt: string;
};

export type SweepTargetDto = {
  id: string;
  kind: "ENTERPRISE" | "PARK";
  name: string;
  enterpriseId: string | null;
  parkId: string | null;
  address: string;
  districtId: string;
  districtName: string;
  checkedAt: string | null;
  hazards: number;
  results: { itemId: string; verdict: string; note: string; files: SweepPhotoDto[] }[];
};

/** One sweep with its targets in the person's scope (unchecked first) and each target's results. */
export async function getSweep(actor: Actor, id: string): Promise<SweepSummaryDto & { targets: SweepTargetDto[] }> {
  authorize(actor, "sweep.read");
  if (!isUuid(id)) throw new NotFound("Sweep not found");
  const sweep = await db.sweep.findUnique({ where: { id }, include: sweepInclude });
  if (!sweep) throw new NotFound("Sweep not found");
  const dto = (await toSweepDtos(db, actor, [sweep]))[0] as SweepSummaryDto;
  const targets = await db.sweepTarget.findMany({
    where: { sweepId: id, ...districtScope(actor) },
    include: {
      enterprise: { select: { name: true, address: true } },
      park: { select: { name: true } },
      district: { select: { name: true, code: true } },
      results: {
        include: {
          files: {
            select: {
              id: true,
              originalName: true,
              mime: true,
              thumbKey: true,
              capturedAt: true,
              latitude: true,
              longitude: true,
              createdAt: true,
            },
            orderBy: { createdAt: "asc" },
          },
        },
      },
      _count: { select: { hazards: true } },
    },
  });
  targets.sort(
    (a, b) =>
      Number(a.checkedAt !== null) - Number(b.checkedAt !== null) ||
      a.district.code.localeCompare(b.district.code) ||
      (a.enterprise?.name ?? a.park?.name ?? "").localeCompare(b.enterprise?.name ?? b.park?.name ?? "", "zh-CN"),
  );
  return {
    ...dto,
    targets: targets.map((t) => ({
      id: t.id,
      kind: t.enterpriseId ? "ENTERPRISE" : "PARK",
      name: t.enterprise?.name ?? t.park?.name ?? "",
      enterpriseId: t.enterpriseId,
      parkId: t.parkId,
      address: t.enterprise?.address ?? "",
      districtId: t.districtId,
      districtName: t.district.name,
      checkedAt: t.checkedAt?.toISOString() ?? null,
      hazards: t._count.hazards,
      results: t.results.map((r) => ({
        itemId: r.itemId,
        verdict: r.verdict,
        note: r.note,
        files: r.files.map((f) => ({
          id: f.id,
          originalName: f.originalName,
          mime: f.mime,
          hasThumb: f.thumbKey !== null,
          capturedAt: f.capturedAt?.toISOString() ?? null,
          latitude: f.latitude,
          longitude: f.longitude,
          uploadedAt: f.createdAt.toISOString(),
        })),
      })),
    })),
  };
}
