import Link from "next/link";
import { useTranslations } from "next-intl";

/** 发起排查: the way to the sweep form, for those who may open one. */
export function NewSweepLink() {
  const t = useTranslations("bottomLineForms.sweep");
  return (
    <Link href="/bottom-line/sweeps/new" className="btn-primary" data-testid="new-sweep-link">
      {t("newTitle")}
    </Link>
  );
}

/** 登记园区: the way to the park form, for those who may register one. */
export function NewParkLink() {
  const t = useTranslations("bottomLineForms.park");
  return (
    <Link href="/bottom-line/parks/new" className="btn-primary" data-testid="new-park-link">
      {t("newTitle")}
    </Link>
  );
}
