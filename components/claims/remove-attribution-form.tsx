"use client";

import { ConfirmForm } from "@/components/forms/confirm-form";
import { removeAttributionAction } from "@/lib/claims/correction-actions";

/** Remove an attribution; its notes stay on the claim and the audit log keeps it whole. */
export function RemoveAttributionForm({ attributionId, version }: { attributionId: number; version: number }) {
  return <ConfirmForm action={removeAttributionAction} hidden={{ attributionId }} version={version} label="Remove the attribution" submitLabel="Remove this attribution" />;
}
