"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { assignReading, createClass, joinClass, regenerateJoinCode, setClassTimeZone } from "@/lib/data/classes";
import { assignReadingSchema, classTimeZoneSchema, createClassSchema, idSchema, joinClassSchema } from "@/lib/validation/classes";
import { failed, formValues, invalid, type FormState } from "./form-state";

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["name", "timeZone"]);
  const parsed = createClassSchema.safeParse({ name: form.get("name"), timeZone: form.get("timeZone") ?? undefined });
  if (!parsed.success) return invalid(parsed.error, values);
  let id: string;
  try {
    id = (await createClass(await requireViewer(), parsed.data)).id;
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath("/dashboard");
  redirect(`/classes/${id}?created=1`);
}

export async function joinClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["code"]);
  const parsed = joinClassSchema.safeParse({ code: form.get("code") });
  if (!parsed.success) return invalid(parsed.error, values);
  let classId: string;
  try {
    classId = (await joinClass(await requireViewer(), parsed.data.code)).classId;
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath("/dashboard");
  redirect(`/classes/${classId}?joined=1`);
}

export async function assignReadingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["classId", "readingSlug", "dueDate"]);
  const parsed = assignReadingSchema.safeParse({
    classId: form.get("classId"),
    readingSlug: form.get("readingSlug"),
    dueDate: form.get("dueDate") ?? undefined,
  });
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await assignReading(await requireViewer(), parsed.data);
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/classes/${parsed.data.classId}`);
  return { ok: true, message: "The reading is assigned. Students see it on their dashboard.", values };
}

export async function regenerateJoinCodeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = idSchema.safeParse(form.get("classId"));
  if (!parsed.success) return { ok: false, message: "That class doesn’t exist." };
  try {
    await regenerateJoinCode(await requireViewer(), parsed.data);
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath(`/classes/${parsed.data}`);
  return { ok: true, message: "New join code created. The old code no longer works." };
}

export async function setClassTimeZoneAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["classId", "timeZone"]);
  const parsed = classTimeZoneSchema.safeParse({ classId: form.get("classId"), timeZone: form.get("timeZone") });
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await setClassTimeZone(await requireViewer(), parsed.data.classId, parsed.data.timeZone);
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/classes/${parsed.data.classId}`);
  return { ok: true, message: "Time zone saved. New due dates end at midnight there.", values };
}
