"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";
import { assignReading, createClass, joinClass, regenerateJoinCode, removeStudent, renameClass, setClassArchived, setClassTimeZone } from "@/lib/data/classes";
import { issuePasswordResetLink } from "@/lib/data/sign-in-links";
import { siteOrigin } from "@/lib/http/site-origin";
import { assignReadingSchema, classStudentSchema, classTimeZoneSchema, createClassSchema, idSchema, joinClassSchema, renameClassSchema } from "@/lib/validation/classes";
import { formAction } from "./action";
import type { FormState } from "./form-state";

export const createClassAction = formAction({
  fields: ["name", "timeZone"],
  schema: createClassSchema,
  read: (form) => ({ name: form.get("name"), timeZone: form.get("timeZone") ?? undefined }),
  run: async (viewer, input) => {
    const { id } = await createClass(viewer, input);
    return { revalidate: ["/dashboard"], redirect: `/classes/${id}?created=1` };
  },
});

export const joinClassAction = formAction({
  fields: ["code"],
  schema: joinClassSchema,
  read: (form) => ({ code: form.get("code") }),
  run: async (viewer, input) => {
    const address = clientAddress((await headers()).get("x-forwarded-for"), trustedProxyHops());
    const { classId } = await joinClass(viewer, input.code, { address });
    return { revalidate: ["/dashboard"], redirect: `/classes/${classId}?joined=1` };
  },
});

export const assignReadingAction = formAction({
  fields: ["classId", "readingSlug", "dueDate"],
  schema: assignReadingSchema,
  read: (form) => ({ classId: form.get("classId"), readingSlug: form.get("readingSlug"), dueDate: form.get("dueDate") ?? undefined }),
  run: async (viewer, input) => {
    await assignReading(viewer, input);
    return { message: "The reading is assigned. Students see it on their dashboard.", revalidate: [`/classes/${input.classId}`] };
  },
});

export const regenerateJoinCodeAction = formAction({
  schema: idSchema,
  read: (form) => form.get("classId"),
  refusal: "That class doesn’t exist.",
  run: async (viewer, classId) => {
    await regenerateJoinCode(viewer, classId);
    return { message: "New join code created. The old code no longer works.", revalidate: [`/classes/${classId}`] };
  },
});

export const renameClassAction = formAction({
  fields: ["classId", "name"],
  schema: renameClassSchema,
  read: (form) => ({ classId: form.get("classId"), name: form.get("name") }),
  run: async (viewer, input) => {
    await renameClass(viewer, input);
    // The name as saved (trimmed), not as typed.
    return { message: "Class renamed.", values: { classId: input.classId, name: input.name }, revalidate: [`/classes/${input.classId}`, "/dashboard"] };
  },
});

export const setClassArchivedAction = formAction({
  schema: z.object({ classId: idSchema, archive: z.boolean() }),
  read: (form) => ({ classId: form.get("classId"), archive: form.get("archive") === "1" }),
  refusal: "That class doesn’t exist.",
  run: async (viewer, { classId, archive }) => {
    await setClassArchived(viewer, classId, archive);
    return {
      message: archive
        ? "Class archived. It is read-only now and listed under “Archived classes”; restore it any time."
        : "Class restored. It is back on your dashboard and takes students with its join code again.",
      revalidate: [`/classes/${classId}`, "/dashboard", "/classes/archived"],
    };
  },
});

export const removeStudentAction = formAction({
  schema: classStudentSchema,
  read: (form) => ({ classId: form.get("classId"), studentId: form.get("studentId") }),
  refusal: "That student or class doesn’t exist.",
  run: async (viewer, input) => {
    const { name } = await removeStudent(viewer, input);
    return {
      message: `${name} is no longer in this class. Their reading progress and quiz attempts are kept: if they rejoin with the join code, it all comes back.`,
      revalidate: [`/classes/${input.classId}`],
    };
  },
});

export interface IssuedLinkState extends FormState {
  link?: { studentId: string; studentName: string; url: string; expiresAt: string };
}

export const issueResetLinkAction = formAction({
  schema: classStudentSchema,
  read: (form) => ({ classId: form.get("classId"), studentId: form.get("studentId") }),
  refusal: "That student or class doesn’t exist.",
  run: async (viewer, input) => {
    const issued = await issuePasswordResetLink(viewer, input);
    const link = { studentId: input.studentId, studentName: issued.studentName, url: `${await siteOrigin()}${issued.path}`, expiresAt: issued.expiresAt.toISOString() };
    return { link };
  },
});

export const setClassTimeZoneAction = formAction({
  fields: ["classId", "timeZone"],
  schema: classTimeZoneSchema,
  read: (form) => ({ classId: form.get("classId"), timeZone: form.get("timeZone") }),
  run: async (viewer, input) => {
    await setClassTimeZone(viewer, input.classId, input.timeZone);
    return { message: "Time zone saved. New due dates end at midnight there.", revalidate: [`/classes/${input.classId}`] };
  },
});
