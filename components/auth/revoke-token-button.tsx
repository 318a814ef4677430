"use client";

import { ActionForm } from "@/components/forms/action-form";
import { revokeTokenAction } from "@/lib/auth/token-actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  return (
    <ActionForm action={revokeTokenAction} submitLabel={`Revoke “${name}”`} className="inline-form">
      <input type="hidden" name="tokenId" value={tokenId} />
    </ActionForm>
  );
}
