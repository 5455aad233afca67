"use client";

import { useActionState } from "react";
import { joinLiveByCodeAction, startLiveSessionAction } from "@/lib/actions/live";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "@/components/ui/field";

export function JoinLiveForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(joinLiveByCodeAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="code" label="Session code" defaultValue={state.values?.code ?? code} errors={state.fieldErrors?.code} autoComplete="off" />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Joining…" : "Join"}
      </button>
    </form>
  );
}

/** On the class page, beside an assigned reading. */
export function StartLiveForm({ assignmentId }: { assignmentId: string }) {
  const [state, action, pending] = useActionState(startLiveSessionAction, initialFormState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <button type="submit" className="btn-secondary ml-2" disabled={pending}>
        {pending ? "Starting…" : "Start a live session"}
      </button>
      {state.message ? (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
