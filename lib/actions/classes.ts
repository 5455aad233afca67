"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";
import { requireViewer } from "@/lib/auth/viewer";
import { assignReading, createClass, joinClass, regenerateJoinCode, removeStudent, renameClass, setClassArchived, setClassTimeZone } from "@/lib/data/classes";
import { issuePasswordResetLink } from "@/lib/data/sign-in-links";
import { siteOrigin } from "@/lib/http/site-origin";
import { assignReadingSchema, classStudentSchema, classTimeZoneSchema, createClassSchema, idSchema, joinClassSchema, renameClassSchema } from "@/lib/validation/classes";
import { failed, formValues, invalid, requireForm, type FormState } from "./form-state";

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
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
  requireForm(form);
  const values = formValues(form, ["code"]);
  const parsed = joinClassSchema.safeParse({ code: form.get("code") });
  if (!parsed.success) return invalid(parsed.error, values);
  let classId: string;
  try {
    const address = clientAddress((await headers()).get("x-forwarded-for"), trustedProxyHops());
    classId = (await joinClass(await requireViewer(), parsed.data.code, { address })).classId;
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath("/dashboard");
  redirect(`/classes/${classId}?joined=1`);
}

export async function assignReadingAction(_prev: FormState, form: FormData): Promise<FormState> {
  requireForm(form);
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
  requireForm(form);
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

export async function renameClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["classId", "name"]);
  const parsed = renameClassSchema.safeParse({ classId: form.get("classId"), name: form.get("name") });
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await renameClass(await requireViewer(), parsed.data);
  } catch (e) {
    return failed(e, values);
  }
  revalidatePath(`/classes/${parsed.data.classId}`);
  revalidatePath("/dashboard");
  return { ok: true, message: "Class renamed.", values: { ...values, name: parsed.data.name } };
}

export async function setClassArchivedAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = idSchema.safeParse(form.get("classId"));
  if (!parsed.success) return { ok: false, message: "That class doesn’t exist." };
  const archive = form.get("archive") === "1";
  try {
    await setClassArchived(await requireViewer(), parsed.data, archive);
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath(`/classes/${parsed.data}`);
  revalidatePath("/dashboard");
  revalidatePath("/classes/archived");
  return {
    ok: true,
    message: archive
      ? "Class archived. It is read-only now and listed under “Archived classes”; restore it any time."
      : "Class restored. It is back on your dashboard and takes students with its join code again.",
  };
}

export async function removeStudentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = classStudentSchema.safeParse({ classId: form.get("classId"), studentId: form.get("studentId") });
  if (!parsed.success) return { ok: false, message: "That student or class doesn’t exist." };
  let name: string;
  try {
    ({ name } = await removeStudent(await requireViewer(), parsed.data));
  } catch (e) {
    return failed(e, {});
  }
  revalidatePath(`/classes/${parsed.data.classId}`);
  return { ok: true, message: `${name} is no longer in this class. Their reading progress and quiz attempts are kept: if they rejoin with the join code, it all comes back.` };
}

export interface IssuedLinkState extends FormState {
  link?: { studentId: string; studentName: string; url: string; expiresAt: string };
}

export async function issueResetLinkAction(_prev: IssuedLinkState, form: FormData): Promise<IssuedLinkState> {
  const parsed = classStudentSchema.safeParse({ classId: form.get("classId"), studentId: form.get("studentId") });
  if (!parsed.success) return { ok: false, message: "That student or class doesn’t exist." };
  try {
    const issued = await issuePasswordResetLink(await requireViewer(), parsed.data);
    return {
      ok: true,
      link: { studentId: parsed.data.studentId, studentName: issued.studentName, url: `${await siteOrigin()}${issued.path}`, expiresAt: issued.expiresAt.toISOString() },
    };
  } catch (e) {
    return failed(e, {});
  }
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
