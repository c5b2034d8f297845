/** One fact of a record in a `<dl>`: its label (`<dt>`) and value (`<dd>`); `wide` spans both columns of a two-column list. */
export function DetailItem({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      <dt className="text-slate-500 text-xs">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-900 text-sm">{children}</dd>
    </div>
  );
}
