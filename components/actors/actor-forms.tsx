"use client";

import { FieldError, fieldErrorProps, submitted } from "@/components/forms/form-feedback";
import { ConfirmForm } from "@/components/forms/confirm-form";
import { useVersionedEdit } from "@/components/forms/use-versioned-edit";
import { EditButtons, EditFeedback, VersionFields } from "@/components/review/stale-edit-notice";
import { mergeActorAction, updateActorAction } from "@/lib/actors/actions";
import { ACTOR_KINDS, ACTOR_KIND_LABELS } from "@/lib/vocabulary/terms";

type EditableActor = { id: number; name: string; kind: string; role: string | null; aliases: string[]; version: number };

/** Rename an actor, change its kind or role, and list the other spellings it goes by. */
export function EditActorForm({ actor }: { actor: EditableActor }) {
  const edit = useVersionedEdit(updateActorAction, { version: actor.version, values: {} });
  const { state } = edit;
  const aliasErrors = state.status === "error" ? Object.keys(state.fieldErrors ?? {}).filter((key) => key.startsWith("aliases")) : [];
  return (
    <form {...edit.formProps} className="stack-form" aria-label="Correct the actor">
      <input type="hidden" name="actorId" value={actor.id} />
      <VersionFields edit={edit} />
      <div className="field">
        <label htmlFor="actor-name">Name</label>
        <input id="actor-name" name="name" type="text" required defaultValue={submitted(state, "name", actor.name)} {...fieldErrorProps(state, ["name"], "actor-name-error")} />
        <FieldError state={state} names={["name"]} id="actor-name-error" />
      </div>
      <div className="field">
        <label htmlFor="actor-kind">Kind</label>
        <select id="actor-kind" name="kind" defaultValue={submitted(state, "kind", actor.kind)} {...fieldErrorProps(state, ["kind"], "actor-kind-error")}>
          {ACTOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACTOR_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <FieldError state={state} names={["kind"]} id="actor-kind-error" />
      </div>
      <div className="field">
        <label htmlFor="actor-role">Role or title (optional)</label>
        <input id="actor-role" name="role" type="text" defaultValue={submitted(state, "role", actor.role ?? "")} {...fieldErrorProps(state, ["role"], "actor-role-error")} />
        <FieldError state={state} names={["role"]} id="actor-role-error" />
      </div>
      <div className="field">
        <label htmlFor="actor-aliases">Other spellings (aliases), one per line</label>
        <textarea id="actor-aliases" name="aliases" rows={3} defaultValue={submitted(state, "aliases", actor.aliases.join("\n"))} {...fieldErrorProps(state, ["aliases", ...aliasErrors], "actor-aliases-error")} />
        <FieldError state={state} names={["aliases", ...aliasErrors]} id="actor-aliases-error" />
      </div>
      <EditFeedback state={state} />
      <EditButtons edit={edit} label="Save the actor" className="primary" />
    </form>
  );
}

/** Merge this actor into another, chosen by name or alias: two spellings of one actor become one. */
export function MergeActorForm({ actor, actorNames }: { actor: EditableActor; actorNames: string[] }) {
  return (
    <ConfirmForm action={mergeActorAction} hidden={{ actorId: actor.id }} version={actor.version} label="Merge the actor" submitLabel="Merge into that actor">
      {(state) => (
        <div className="field">
          <label htmlFor="merge-into">The actor to keep (name or alias)</label>
          <input id="merge-into" name="into" type="text" list="merge-candidates" required autoComplete="off" defaultValue={submitted(state, "into")} {...fieldErrorProps(state, ["into"], "merge-into-error")} />
          <datalist id="merge-candidates">
            {actorNames
              .filter((name) => name !== actor.name)
              .map((name) => (
                <option key={name} value={name} />
              ))}
          </datalist>
          <FieldError state={state} names={["into"]} id="merge-into-error" />
          <span className="muted">
            Its claims, quotes and via-links move to that actor; “{actor.name}” and its aliases become that actor&apos;s aliases.
          </span>
        </div>
      )}
    </ConfirmForm>
  );
}
