"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { LogoutButton } from "./logout-button";

/**
 * One navigation entry. Without `group` it stands in the bar; entries sharing a `group` (its
 * label, e.g. 管理) fold into one menu button, so the bar keeps to one line as areas are added.
 */
export type NavItem = { href: string; label: string; group?: string };

/** The bar's entries in order: single links, and each group once, where its first entry stands. */
export function navEntries(
  nav: readonly NavItem[],
): ({ kind: "link"; item: NavItem } | { kind: "group"; label: string; items: NavItem[] })[] {
  const out: ({ kind: "link"; item: NavItem } | { kind: "group"; label: string; items: NavItem[] })[] = [];
  for (const item of nav) {
    if (!item.group) {
      out.push({ kind: "link", item });
      continue;
    }
    const group = out.find((e) => e.kind === "group" && e.label === item.group);
    if (group && group.kind === "group") group.items.push(item);
    else out.push({ kind: "group", label: item.group, items: [item] });
  }
  return out;
}

/** A menu button of the bar: opens a list of links (Enter/Space/click), Escape or a click elsewhere closes it and focus goes back to the button. */
function NavGroup({ label, items, pathname }: { label: string; items: NavItem[]; pathname: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const active = items.some((i) => isActive(pathname, i.href));
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className={`inline-flex items-center gap-1 whitespace-nowrap rounded-md px-2.5 py-2 text-sm ${active ? "bg-white/15 font-semibold text-white" : "text-blue-100 hover:bg-white/10 hover:text-white"}`}
        data-testid="nav-group"
      >
        {label}
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
        </svg>
      </button>
      <ul
        id={listId}
        hidden={!open}
        className="absolute left-0 z-40 mt-1 min-w-48 rounded-md border border-slate-200 bg-white py-1 text-slate-900 shadow-lg"
      >
        {items.map((item) => {
          const current = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap px-3 py-2 text-sm ${current ? "bg-blue-50 font-semibold text-blue-800" : "hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The notification bell: where it goes, how many are unread, and its accessible name (with the count). */
export type BellProps = { href: string; unread: number; label: string };

function Bell({ href, unread, label, active }: BellProps & { active: boolean }) {
  return (
    <Link
      href={href}
      aria-label={label}
      aria-current={active ? "page" : undefined}
      className={`relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md text-white hover:bg-white/10 ${active ? "bg-white/15" : ""}`}
      data-testid="notification-bell"
      data-unread={unread}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2}>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden
          className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center font-semibold text-[11px] text-white leading-5 ring-2 ring-blue-900"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

function isActive(pathname: string, href: string): boolean {
  if (href === "/field") return pathname === "/field" || pathname.startsWith("/field/");
  if (href === "/problems")
    return pathname === "/problems" || (pathname.startsWith("/problems/") && pathname !== "/problems/new");
  return pathname === href;
}

/**
 * The top bar: product, navigation, who is signed in, language, sign-out. On phones the last four
 * fold into a menu so the page content starts right under a thin bar.
 */
export function AppHeader({
  appName,
  nav,
  userName,
  roleLabel,
  localeSwitch,
  bell,
}: {
  appName: string;
  nav: NavItem[];
  userName: string;
  roleLabel: string;
  localeSwitch: React.ReactNode;
  bell?: BellProps;
}) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();

  // A new page closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only.
  useEffect(() => setOpen(false), [pathname]);

  const link = (item: NavItem, vertical: boolean) => {
    const active = isActive(pathname, item.href);
    return (
      <Link
        key={item.href}
        href={item.href}
        aria-current={active ? "page" : undefined}
        className={
          vertical
            ? `block rounded-md px-3 py-2.5 text-base ${active ? "bg-blue-50 font-semibold text-blue-800" : "text-slate-800 hover:bg-slate-100"}`
            : `whitespace-nowrap rounded-md px-2.5 py-2 text-sm ${active ? "bg-white/15 font-semibold text-white" : "text-blue-100 hover:bg-white/10 hover:text-white"}`
        }
      >
        {item.label}
      </Link>
    );
  };

  return (
    <header className="sticky top-0 z-30 border-blue-950 border-b bg-blue-900 text-white shadow">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-3 px-3 sm:px-4 xl:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-base tracking-wide">
          <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded bg-white font-bold text-blue-900 text-sm">
            {appName.slice(0, 1)}
          </span>
          {/* On narrower desktops the mark alone stands for the name (still read out), so the bar keeps to one line. */}
          <span className="sr-only 2xl:not-sr-only">{appName}</span>
        </Link>
        <nav aria-label={t("main")} className="hidden items-center gap-0.5 md:flex">
          {navEntries(nav).map((e) =>
            e.kind === "link" ? (
              link(e.item, false)
            ) : (
              <NavGroup key={`group-${e.label}`} label={e.label} items={e.items} pathname={pathname} />
            ),
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {bell ? <Bell {...bell} active={pathname === bell.href} /> : null}
          <div className="hidden items-center gap-3 md:flex">
            <p className="text-right text-sm leading-tight">
              <span className="sr-only">{t("signedInAs")}: </span>
              <span className="font-medium">{userName}</span>
              <span className="block text-blue-200 text-xs">{roleLabel}</span>
            </p>
            {localeSwitch}
            <LogoutButton />
          </div>
          <button
            type="button"
            className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-md text-white hover:bg-white/10 md:hidden"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="sr-only">{open ? t("closeMenu") : t("menu")}</span>
            <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2}>
              {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
            </svg>
          </button>
        </div>
      </div>
      <div
        id={menuId}
        hidden={!open}
        className="border-slate-200 border-t bg-white px-3 pt-2 pb-4 text-slate-900 shadow-lg md:hidden"
      >
        <nav aria-label={t("main")} className="space-y-1">
          {nav.map((item) => link(item, true))}
        </nav>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-slate-200 border-t pt-3">
          <p className="text-sm leading-tight">
            <span className="sr-only">{t("signedInAs")}: </span>
            <span className="font-medium">{userName}</span>
            <span className="ml-2 text-slate-500 text-xs">{roleLabel}</span>
          </p>
          <div className="flex items-center gap-2">
            {localeSwitch}
            <LogoutButton />
          </div>
        </div>
      </div>
    </header>
  );
}
