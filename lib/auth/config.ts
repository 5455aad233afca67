import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import { env } from "@/lib/env";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/auth";
import { endSession, startSession } from "@/lib/data/sessions";
import type { Role } from "@/lib/authz/policy";
import { signInWithLimits } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** The Session row behind this sign-in; lib/auth/viewer.ts checks it is still live. */
    sessionId?: string;
  }
  interface User {
    role?: Role;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    id?: string;
    role?: Role;
    /** The Session row this sign-in created (lib/data/sessions.ts); checked on every request. */
    sid?: string;
  }
}

/** How long a sign-in lasts: a school day and the evening's homework, by default. */
export const SESSION_MAX_AGE_SECONDS = env().AUTH_SESSION_MAX_AGE;

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const viewer = await signInWithLimits(parsed.data.email, parsed.data.password, request);
        if (!viewer) throw new CredentialsSignin();
        return { id: viewer.id, email: viewer.email, name: viewer.name, role: viewer.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.id = user.id;
        token.role = user.role;
        token.sid = await startSession(user.id, SESSION_MAX_AGE_SECONDS);
      }
      return token;
    },
    session({ session, token }) {
      if (token.id && token.role) {
        session.user.id = token.id;
        session.user.role = token.role;
      }
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out through the app's button or a direct POST to /api/auth/signout: this session ends
    // for good, so a copy of its cookie is worth nothing.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid);
    },
  },
  // A wrong password is an everyday event, not an error with a stack trace in the log.
  logger: {
    error(error) {
      // By type, not name: a wrong password and a refused (rate-limited) attempt both have it, and
      // class names do not survive minification.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn(code) {
      console.warn(`[auth] warning: ${code}`);
    },
    debug() {},
  },
});
