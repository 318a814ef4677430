"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { checkImportAction, runImportAction } from "@/lib/import/actions";
import { CloseQuotesPicker } from "@/components/import/close-quotes";
import { ImportReportView } from "@/components/import/import-report";
import { closeQuoteKey, problemsBesideCloseQuotes } from "@/lib/import/close-quotes";
import type { ActionState } from "@/lib/http/action";
import type { ImportReport } from "@/lib/import/run-import";
import styles from "./import.module.css";

const IDLE: ActionState = { status: "idle" };

function reportOf(state: ActionState): ImportReport | null {
  const holder = state.status === "success" ? state.data : state.status === "error" ? state.current : undefined;
  const report = holder?.report;
  return report && typeof report === "object" ? (report as ImportReport) : null;
}

/**
 * Two steps on one file: "Check" shows what the import would do and every bad row;
 * "Import" appears once the file checks clean, and sends the file again (the server
 * checks it again). The form is submitted by hand rather than through its action prop,
 * so that React does not clear the chosen file after the check, and so that a request that
 * never reaches the action (a file over the server's upload limit, a dropped connection)
 * becomes a message instead of the error page.
 */
export function ImportForm({ maxLabel, maxBytes }: { maxLabel: string; maxBytes: number }) {
  const [checkState, setCheckState] = useState<ActionState>(IDLE);
  const [importState, setImportState] = useState<ActionState>(IDLE);
  const [checking, startCheck] = useTransition();
  const [importing, startImport] = useTransition();
  // Which file choice the last check and import were for: a new choice needs a new check.
  const [selection, setSelection] = useState(0);
  const [checkedSelection, setCheckedSelection] = useState(-1);
  const [importedSelection, setImportedSelection] = useState(-1);
  // Close quotes ticked to import with the article's words (closeQuoteKey), for the last check.
  const [acceptedQuotes, setAcceptedQuotes] = useState<Set<string>>(new Set());

  async function send(action: typeof checkImportAction, form: FormData): Promise<ActionState> {
    const file = form.get("file");
    if (file instanceof File && file.size > maxBytes) {
      return { status: "error", message: `${file.name} is larger than ${maxLabel}: split it into smaller files.`, httpStatus: 413 };
    }
    try {
      return await action(IDLE, form);
    } catch {
      return { status: "error", message: "The file did not reach the server (it may be larger than the server accepts, or the connection dropped). Nothing was imported.", httpStatus: 0 };
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget);
    if (submitter?.value === "import") {
      setImportedSelection(selection);
      startImport(async () => {
        const state = await send(runImportAction, form);
        startImport(() => setImportState(state));
      });
    } else {
      setCheckedSelection(selection);
      setImportedSelection(-1);
      setAcceptedQuotes(new Set());
      startCheck(async () => {
        const state = await send(checkImportAction, form);
        startCheck(() => setCheckState(state));
      });
    }
  }

  const checkReport = checkedSelection === selection ? reportOf(checkState) : null;
  const importDone = importedSelection === selection && importState.status !== "idle";
  const importReport = importDone ? reportOf(importState) : null;
  const imported = importDone && importState.status === "success";
  const closeQuotes = checkReport?.closeQuotes ?? [];
  // Clean, or clean but for close quotes, every one of them accepted.
  const checkedClean =
    checkReport !== null && problemsBesideCloseQuotes(checkReport.problems, closeQuotes).length === 0 && closeQuotes.every((close) => acceptedQuotes.has(closeQuoteKey(close)));
  const canImport = checkedClean && !imported;
  const busy = checking || importing;
  const shown = importDone ? importState : checkedSelection === selection ? checkState : IDLE;
  const report = importReport ?? checkReport;

  return (
    <form onSubmit={onSubmit} className={styles.form} aria-busy={busy}>
      <div className="field">
        <label htmlFor="import-file">attributions.csv file (UTF-8, at most {maxLabel})</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required onChange={() => setSelection((n) => n + 1)} />
      </div>
      <div className={styles.buttons}>
        <button type="submit" name="step" value="check" disabled={busy}>
          {checking ? "Checking…" : "1. Check"}
        </button>
        <button type="submit" name="step" value="import" className="primary" disabled={busy || !canImport} aria-describedby="import-step-hint">
          {importing ? "Importing…" : "2. Import"}
        </button>
        <span id="import-step-hint" className="muted">
          {canImport
            ? closeQuotes.length > 0
              ? "Every close quote is accepted: import the file with the article's words."
              : "The file checked clean: import it."
            : closeQuotes.length > 0 && !imported
              ? "Import is possible once every close quote is accepted (or the file corrected) and nothing else is wrong."
              : "Import is possible once the file checks clean."}
        </span>
      </div>
      {shown.status !== "idle" ? (
        <p className={`form-message ${shown.status === "success" && (report?.ok ?? true) ? "form-message--ok" : "form-message--error"}`} role={shown.status === "error" ? "alert" : "status"}>
          {shown.message}
          {importDone && importState.status === "success" ? (
            <>
              {" "}
              <Link href="/claims">See the claims</Link>.
            </>
          ) : null}
        </p>
      ) : null}
      {report ? <ImportReportView report={report} committed={imported} /> : null}
      {closeQuotes.length > 0 && !imported ? <CloseQuotesPicker closeQuotes={closeQuotes} accepted={acceptedQuotes} onChange={setAcceptedQuotes} /> : null}
    </form>
  );
}
