import Link from "next/link";

/** What a list shows when it has nothing: why, and where to go or what to do next. */
export function EmptyState({
  title,
  children,
  action,
  testId,
}: {
  title: string;
  children?: React.ReactNode;
  action?: { href: string; label: string } | React.ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="rounded-md border border-slate-300 border-dashed bg-slate-50 p-6 text-center text-slate-700 text-sm"
      data-testid={testId}
    >
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="mt-1">{children}</div> : null}
      {action ? (
        <div className="mt-3">
          {typeof action === "object" && action !== null && "href" in action && "label" in action ? (
            <Link href={action.href as string} className="btn-secondary">
              {action.label as string}
            </Link>
          ) : (
            action
          )}
        </div>
      ) : null}
    </div>
  );
}
