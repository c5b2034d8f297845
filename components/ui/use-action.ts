"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/schemas/action-result";
import { useToast } from "./toast";

/**
 * Runs a server action in a transition and keeps its failure to show. A success refreshes the page
 * in place (the action revalidated it; scroll and focus stay where they were) and, given `success`,
 * says so in a toast ("已保存"); a conflict also refreshes it, so the latest record is on screen
 * while the form keeps what the person typed.
 */
export function useAction(opts: { success?: string } = {}) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const router = useRouter();
  const toast = useToast();
  function run<T>(call: () => Promise<ActionResult<T>>, onOk?: (data: T | undefined) => void, success = opts.success) {
    start(async () => {
      const r = await call();
      setResult(r.ok ? null : r);
      if (r.ok) {
        if (success) toast.show(success);
        onOk?.(r.data);
      } else if (r.conflict) router.refresh();
    });
  }
  return { pending, result, run, reset: () => setResult(null) };
}
