import { z } from "zod";

/**
 * Imported first by the schema modules the browser loads (sign-up, the question editor). zod
 * compiles object parsers with `new Function` when eval is allowed, and probes for it when a
 * schema is built. The pages' Content-Security-Policy forbids eval, so in the browser the probe
 * would be reported as a CSP violation; jitless skips it (and parsing there is tiny anyway).
 * The server keeps the compiled parsers.
 */
if (typeof window !== "undefined") z.config({ jitless: true });
