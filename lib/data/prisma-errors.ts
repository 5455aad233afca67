/** Prisma's unique-constraint code, the same on SQLite and PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";
}
