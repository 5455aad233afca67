"use client";

import { useActionState } from "react";
import {
  assignReadingAction,
  createClassAction,
  joinClassAction,
  regenerateJoinCodeAction,
  renameClassAction,
  setClassArchivedAction,
  setClassTimeZoneAction,
} from "@/lib/actions/classes";
import { initialFormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SelectField } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";

/** `zones`: the time zones to choose from; `defaultZone`: the instructor's own. */
export function CreateClassForm({ zones, defaultZone }: { zones: string[]; defaultZone: string }) {
  const [state, action, pending] = useActionState(createClassAction, initialFormState);
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field name="name" label="Class name" placeholder="e.g. History 11B" required defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <TimeZoneField
        zones={zones}
        defaultValue={state.values?.timeZone ?? defaultZone}
        adoptBrowserZone={!state.values?.timeZone}
        hint="Due dates end at midnight in this zone. Everyone sees times in their own zone."
        errors={state.fieldErrors?.timeZone}
      />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create class"}
      </button>
    </form>
  );
}

export function JoinClassForm({ initialCode }: { initialCode?: string | undefined }) {
  const [state, action, pending] = useActionState(joinClassAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="code"
        label="Join code"
        hint="8 letters and digits, e.g. DETENTE8"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={state.values?.code ?? initialCode}
        errors={state.fieldErrors?.code}
        className="field-input font-mono uppercase tracking-widest"
      />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Joining…" : "Join class"}
      </button>
    </form>
  );
}

export function AssignReadingForm({ classId, readings }: { classId: string; readings: { slug: string; title: string }[] }) {
  const [state, action, pending] = useActionState(assignReadingAction, initialFormState);
  const readingErrors = state.fieldErrors?.readingSlug;
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="classId" value={classId} />
      <SelectField name="readingSlug" label="Reading" options={readings.map((r) => ({ value: r.slug, label: r.title }))} defaultValue={state.values?.readingSlug} errors={readingErrors} />
      <Field name="dueDate" label="Due date (optional)" type="date" defaultValue={state.values?.dueDate} errors={state.fieldErrors?.dueDate} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Assigning…" : "Assign reading"}
      </button>
    </form>
  );
}

/** The class's time zone, which its due dates end in. */
export function ClassTimeZoneForm({ classId, zones, current }: { classId: string; zones: string[]; current: string }) {
  const [state, action, pending] = useActionState(setClassTimeZoneAction, initialFormState);
  return (
    <form action={action} className="mt-4 space-y-3" noValidate>
      <input type="hidden" name="classId" value={classId} />
      <TimeZoneField
        name="timeZone"
        label="Class time zone"
        zones={zones}
        defaultValue={state.values?.timeZone ?? current}
        hint="A due date ends at midnight in this zone. Due dates already set keep their time."
        errors={state.fieldErrors?.timeZone}
      />
      <button type="submit" className="btn-secondary" disabled={pending}>
        Save time zone
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function RegenerateCodeForm({ classId }: { classId: string }) {
  const [state, action, pending] = useActionState(regenerateJoinCodeAction, initialFormState);
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="classId" value={classId} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        New join code
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

/** The join link's confirmation: the code comes from the link; the student only confirms. */
export function JoinConfirmForm({ code, className }: { code: string; className: string }) {
  const [state, action, pending] = useActionState(joinClassAction, initialFormState);
  return (
    <form action={action} className="mt-6 space-y-4">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="code" value={code} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Joining…" : `Join ${className}`}
      </button>
    </form>
  );
}

export function RenameClassForm({ classId, name }: { classId: string; name: string }) {
  const [state, action, pending] = useActionState(renameClassAction, initialFormState);
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="classId" value={classId} />
      <Field name="name" label="Class name" required maxLength={120} defaultValue={state.values?.name ?? name} errors={state.fieldErrors?.name} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Saving…" : "Rename class"}
      </button>
    </form>
  );
}

/** Archive (read-only, off the dashboard) or restore; both are undone with one click, so no confirmation. */
export function ArchiveClassForm({ classId, archived }: { classId: string; archived: boolean }) {
  const [state, action, pending] = useActionState(setClassArchivedAction, initialFormState);
  return (
    <form action={action} className="mt-3 space-y-3">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="archive" value={archived ? "0" : "1"} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {archived ? "Restore class" : "Archive class"}
      </button>
    </form>
  );
}
