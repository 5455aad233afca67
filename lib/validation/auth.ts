import "@/lib/validation/zod-setup";
import { z } from "zod";
import { roles } from "@/lib/authz/policy";
import { singleLineText } from "./text";

// A short list of passwords people actually use; long enough to stop the obvious ones.
const COMMON_PASSWORDS = new Set([
  "password", "password1", "password123", "passw0rd", "1234567890", "12345678910", "qwertyuiop",
  "iloveyou123", "letmein123", "welcome123", "football123", "abc1234567", "dossier123", "student123",
  "teacher123", "qwerty12345", "0987654321", "1111111111", "changeme123",
]);

export const PASSWORD_MIN = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@school.org."));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(200, "Use at most 200 characters.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "That password is too common. Choose one that is hard to guess.")
  .refine((p) => new Set(p).size >= 4, "That password is too easy to guess. Mix in more different characters.");

export const signUpSchema = z
  .object({
    name: singleLineText(100, { required: "Enter your name." }),
    email: emailSchema,
    password: passwordSchema,
    role: z.enum(roles, { error: "Choose whether you are a student or an instructor." }),
  })
  .refine((v) => {
    // Only a local part long enough to be guessable counts; "a@school.org" must not ban the letter a.
    const local = v.email.split("@")[0] ?? "";
    return local.length < 3 || !v.password.toLowerCase().includes(local);
  }, {
    path: ["password"],
    message: "Your password must not contain your email address.",
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // No strength rules at sign-in: the only answer to a bad password is "incorrect".
  password: z.string().min(1, "Enter your password.").max(200, "Email or password is incorrect."),
});
