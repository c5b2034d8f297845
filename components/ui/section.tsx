/** A titled card: a `<section>` named by its heading, so it is a landmark a screen reader can jump to. */
export function Section({
  id,
  title,
  level = 2,
  actions,
  className = "",
  children,
  testId,
}: {
  /** The heading's id (the section's accessible name points at it); unique on the page. */
  id: string;
  title: React.ReactNode;
  level?: 2 | 3;
  /** Buttons or links beside the title. */
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className={`card p-4 ${className}`} data-testid={testId}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={id} className="font-semibold text-base text-slate-900">
          {title}
        </Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}
