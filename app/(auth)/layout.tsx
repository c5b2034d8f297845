export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <main className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-10 sm:items-center">{children}</main>;
}
