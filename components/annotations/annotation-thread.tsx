import Markdown from "react-markdown";
import { DeleteNoteButton } from "@/components/annotations/delete-note-button";
import { NoteForm } from "@/components/annotations/note-form";
import { FormattedDate } from "@/components/ui/formatted-date";
import type { AnnotationView } from "@/lib/annotations/queries";
import { roleCan, type CurrentUser } from "@/lib/auth/roles";

/**
 * Notes and their replies. Bodies are Markdown rendered without raw HTML (skipHtml) and
 * with react-markdown's URL filter, so a note cannot inject markup or script links.
 */
export function AnnotationThread({ notes, claimId, user }: { notes: AnnotationView[]; claimId: number; user: CurrentUser | null }) {
  if (notes.length === 0) return <p className="muted">No notes yet.</p>;
  return (
    <ul className="notes">
      {notes.map((note) => (
        <Note key={note.id} note={note} claimId={claimId} user={user} />
      ))}
    </ul>
  );
}

function Note({ note, claimId, user }: { note: AnnotationView; claimId: number; user: CurrentUser | null }) {
  const canWrite = user !== null && roleCan(user.role, "edit");
  const isAuthor = user !== null && note.authorId === user.id;
  return (
    <li className="note" id={`note-${note.id}`}>
      <p className="note__meta">
        <strong>{note.author}</strong> · <FormattedDate iso={note.createdAt} withTime />
        {note.edited ? " · edited" : ""}
      </p>
      {note.deleted ? (
        <p className="muted">This note was deleted.</p>
      ) : (
        <div className="note__body">
          <Markdown skipHtml>{note.body}</Markdown>
        </div>
      )}
      {canWrite && !note.deleted ? (
        <div className="note__actions">
          <details>
            <summary>Reply</summary>
            <NoteForm mode="add" claimId={claimId} parentId={note.id} label="Reply" />
          </details>
          {isAuthor ? (
            <details>
              <summary>Edit</summary>
              <NoteForm mode="edit" annotationId={note.id} version={note.version} body={note.body} label="Edit your note" />
            </details>
          ) : null}
          {isAuthor || (user && roleCan(user.role, "admin")) ? <DeleteNoteButton annotationId={note.id} /> : null}
        </div>
      ) : null}
      {note.replies.length > 0 ? (
        <ul className="notes notes--replies">
          {note.replies.map((reply) => (
            <Note key={reply.id} note={reply} claimId={claimId} user={user} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
