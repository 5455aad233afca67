"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { issueResetLinkAction, removeStudentAction, type IssuedLinkState } from "@/lib/actions/classes";
import { initialFormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/field";
import { CopyField } from "./copy-text";

export interface RosterStudent {
  id: string;
  name: string;
  email: string;
  joinedLabel: string;
}

type IssuedLink = NonNullable<IssuedLinkState["link"]>;

const expiryLabel = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/**
 * The roster with what a teacher does to one student: a one-time password link (shown here
 * once) and removal, confirmed in a modal dialog. `canEdit` is false for an archived class
 * (read-only: no removal); password links work in an archived class too.
 */
export function RosterList({ classId, className, students, canEdit }: { classId: string; className: string; students: RosterStudent[]; canEdit: boolean }) {
  const [removeState, removeAction, removing] = useActionState(removeStudentAction, initialFormState);
  const [linkState, linkAction, issuing] = useActionState(issueResetLinkAction, initialFormState as IssuedLinkState);
  const [links, setLinks] = useState<Record<string, IssuedLink>>({});
  const [target, setTarget] = useState<RosterStudent | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  const statusRef = useRef<HTMLDivElement>(null);
  const handledRemove = useRef(removeState);
  const removed = useRef(false);

  // Keep every link issued on this page visible: each is shown only this once.
  useEffect(() => {
    const link = linkState.link;
    if (link) setLinks((prev) => ({ ...prev, [link.studentId]: link }));
  }, [linkState]);

  // After a removal the student's row (and its button) is gone: close the dialog and put focus
  // on the message that says what happened.
  useEffect(() => {
    if (removeState === handledRemove.current) return;
    handledRemove.current = removeState;
    if (removeState.ok) {
      removed.current = true;
      dialog.current?.close();
      setTarget(null);
      statusRef.current?.focus();
    }
  }, [removeState]);

  const openDialog = (s: RosterStudent) => {
    setTarget(s);
    dialog.current?.showModal();
  };
  const onDialogClose = () => {
    // Cancel or Esc: back to the button that opened it (after a removal that button is gone).
    if (removed.current) removed.current = false;
    else if (target) triggers.current.get(target.id)?.focus();
  };

  return (
    <>
      <div ref={statusRef} tabIndex={-1} className="mt-3 space-y-2 outline-none">
        {removeState.ok ? <FormMessage ok message={removeState.message} /> : null}
        {linkState.ok === false && linkState.message ? <FormMessage ok={false} message={linkState.message} /> : null}
      </div>
      {students.length === 0 ? <p className="mt-2 text-muted">No students yet.</p> : null}
      <ul className="mt-3 grid gap-3 lg:grid-cols-2" data-testid="roster">
        {students.map((s) => {
          const link = links[s.id];
          return (
            <li key={s.id} className="rounded-md border border-line bg-white p-3" data-testid="roster-student">
              <p>
                <span className="font-semibold">{s.name}</span> <span className="break-all text-muted">{s.email}</span>
              </p>
              <p className="text-xs text-muted">joined {s.joinedLabel}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <form action={linkAction}>
                  <input type="hidden" name="classId" value={classId} />
                  <input type="hidden" name="studentId" value={s.id} />
                  <button type="submit" className="btn-secondary" disabled={issuing} aria-label={`Password link for ${s.name}`}>
                    Password link
                  </button>
                </form>
                {canEdit ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    ref={(el) => {
                      if (el) triggers.current.set(s.id, el);
                      else triggers.current.delete(s.id);
                    }}
                    onClick={() => openDialog(s)}
                    aria-label={`Remove ${s.name}`}
                    aria-haspopup="dialog"
                  >
                    Remove…
                  </button>
                ) : null}
              </div>
              {link ? (
                <div className="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3" data-testid="reset-link">
                  <CopyField
                    value={link.url}
                    label={`One-time password link for ${link.studentName}`}
                    what="the password link"
                    hint={`Give it to ${link.studentName} yourself. It works once, until ${expiryLabel(link.expiresAt)}, and is shown only now: Dossier keeps no copy. Making a new one cancels this one.`}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>

      <dialog
        ref={dialog}
        onClose={onDialogClose}
        aria-labelledby="remove-title"
        aria-describedby="remove-description"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-line bg-white p-6 shadow-xl backdrop:bg-stone-900/50"
      >
        {target ? (
          <form action={removeAction} className="space-y-4">
            <h2 id="remove-title" className="text-xl font-bold">
              Remove {target.name} from {className}?
            </h2>
            <div id="remove-description" className="space-y-2">
              <p>They will no longer see the class or its assignments, and they leave its roster, progress table and gradebook.</p>
              <p>Nothing of theirs is deleted: their reading progress and quiz attempts are kept. If they rejoin with the join code, everything comes back.</p>
            </div>
            {removeState.ok === false && removeState.message ? <FormMessage ok={false} message={removeState.message} /> : null}
            <input type="hidden" name="classId" value={classId} />
            <input type="hidden" name="studentId" value={target.id} />
            <div className="flex flex-wrap justify-end gap-3">
              {/* A destructive dialog opens on its safe choice (WAI-ARIA alertdialog practice). */}
              {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
              <button type="button" className="btn-secondary" autoFocus onClick={() => dialog.current?.close()}>
                Cancel
              </button>
              <button type="submit" className="btn bg-red-800 text-white hover:bg-red-900" disabled={removing}>
                {removing ? "Removing…" : `Remove ${target.name}`}
              </button>
            </div>
          </form>
        ) : null}
      </dialog>
    </>
  );
}
