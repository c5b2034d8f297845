import { EnforcementTabs } from "@/components/enforcement/tabs";

export default function EnforcementLayout({ children }: { children: React.ReactNode }) {
  return (
    <div>
      <EnforcementTabs />
      {children}
    </div>
  );
}
