import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/authz/policy";
import { failed, formValues, invalid, requireForm, type FormState } from "./form-state";

/**
 * The one way to write a form's server action (the pattern of an authenticated action client):
 *
 *   export const renameClassAction = formAction({
 *     fields: ["classId", "name"],
 *     schema: renameClassSchema,
 *     read: (form) => ({ classId: form.get("classId"), name: form.get("name") }),
 *     run: async (viewer, input) => {
 *       await renameClass(viewer, input);
 *       return { message: "Class renamed.", revalidate: [`/classes/${input.classId}`] };
 *     },
 *   });
 *
 * In order: the argument must be a form (a hand-made request gets 404, never a TypeError); the
 * viewer must be signed in; the fields are read and checked with zod (refused: errors per field,
 * or `refusal`: one message for forms with nothing to correct, like a button carrying an id);
 * `run` calls lib/data, which checks the policy. A typed AppError becomes the person's message,
 * anything else is logged and apologised for, and what they typed comes back (`fields`). After
 * success the paths in `revalidate` are revalidated and `redirect` is followed, outside the
 * try/catch, so Next's redirect is never mistaken for a failure.
 */
export interface ActionDone {
  message?: string;
  /** Values to show in the form after success (default: what was sent). */
  values?: Record<string, string>;
  /** Paths to revalidate; a route pattern with its type, e.g. ["/(app)/quizzes/[quizId]", "page"]. */
  revalidate?: readonly (string | readonly [string, "page" | "layout"])[];
  redirect?: string;
}

/** The form's state: FormState plus whatever else `run` returned (e.g. a link to show once). */
export type ActionState<R> = FormState & Partial<Omit<R, keyof ActionDone>>;

export function formAction<S extends z.ZodType, R extends object>(spec: {
  /** Fields whose typed values come back to the form (or a function choosing them from the form). */
  fields?: readonly string[] | ((form: FormData) => readonly string[]);
  schema: S;
  /** The schema's input from the form (and the viewer, e.g. for their time zone). */
  read: (form: FormData, viewer: Viewer) => unknown;
  /** When the schema refuses: one message (forms with nothing to correct), or a state of its own. */
  refusal?: string | ((error: z.ZodError, values: Record<string, string>) => FormState);
  /** Returns ActionDone, plus anything else the form shows (e.g. a one-time link). */
  run: (viewer: Viewer, input: z.output<S>, form: FormData) => Promise<R & ActionDone>;
}): (prev: ActionState<R>, form: FormData) => Promise<ActionState<R>> {
  type State = ActionState<R>;
  return async (_prev, form): Promise<State> => {
    requireForm(form);
    const values = formValues(form, typeof spec.fields === "function" ? spec.fields(form) : (spec.fields ?? []));
    let done: R;
    try {
      const viewer = await requireViewer();
      const parsed = spec.schema.safeParse(spec.read(form, viewer));
      if (!parsed.success) {
        const { refusal } = spec;
        return (typeof refusal === "function" ? refusal(parsed.error, values) : refusal ? { ok: false, code: "invalid", message: refusal, values } : invalid(parsed.error, values)) as State;
      }
      done = await spec.run(viewer, parsed.data, form);
    } catch (e) {
      return failed(e, values) as State;
    }
    const { message, values: after, revalidate, redirect: to, ...extra } = done as R & ActionDone;
    for (const path of revalidate ?? []) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path[0], path[1]);
    }
    if (to) redirect(to);
    return { ok: true, ...(message !== undefined ? { message } : {}), ...(spec.fields ? { values: after ?? values } : {}), ...extra } as State;
  };
}
