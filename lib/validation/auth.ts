import "@/lib/validation/zod-setup";
import { z } from "zod";
import { roles } from "@/lib/authz/policy";
import { singleLineText } from "./text";

export const PASSWORD_MIN = 10;
/** Long enough for any passphrase; short enough that hashing and strength checks stay cheap. */
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@school.org."));

/**
 * The shape of a new password. Whether it is strong enough (leaked-password list, zxcvbn) is checked
 * on the server by lib/auth/password-policy.ts, whose dictionaries stay out of the browser.
 */
export const passwordSchema = z
  .string({ error: `Choose a password of at least ${PASSWORD_MIN} characters.` })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

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
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Email or password is incorrect."),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX, "That is not your current password."),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
