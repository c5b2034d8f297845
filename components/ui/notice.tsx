import Link from "next/link";

/** A full-width message in place of a page's content (no permission, not found, bad filters). */
export function Notice({
  title,
  children,
  tone = "slate",
  action,
  level = 1,
}: {
  title: string;
  children?: React.ReactNode;
  tone?: "slate" | "red" | "amber";
  action?: { href: string; label: string };
  /** 1 when the notice is the page's content, 2 inside a page that has its own heading. */
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  const tones = {
    slate: "border-slate-300 bg-white",
    red: "border-red-300 bg-red-50",
    amber: "border-amber-300 bg-amber-50",
  };
  return (
    <section className={`mx-auto max-w-xl rounded-lg border p-6 ${tones[tone]}`} aria-labelledby="notice-title">
      <Heading id="notice-title" className="font-semibold text-lg text-slate-900">
        {title}
      </Heading>
      {children ? <div className="mt-2 text-slate-700 text-sm [overflow-wrap:anywhere]">{children}</div> : null}
      {action ? (
        <p className="mt-4">
          <Link href={action.href} className="btn-secondary">
            {action.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
