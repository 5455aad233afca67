/** The demo class loaded into an empty database (the README lists these accounts). */
export const DEMO_PASSWORD = "reading-1981";
export const DEMO_JOIN_CODE = "DETENTE8";
export const DEMO_INSTRUCTOR = { email: "instructor@dossier.test", name: "Anna Keller" };
export const DEMO_STUDENTS = [
  { email: "ben@dossier.test", name: "Ben Ortiz", sectionsRead: 3, minutes: 14 },
  { email: "chloe@dossier.test", name: "Chloé Dubois", sectionsRead: 9, minutes: 52 },
  { email: "dawit@dossier.test", name: "Dawit Bekele", sectionsRead: 0, minutes: 0 },
  { email: "eva@dossier.test", name: "Eva Nowak", sectionsRead: 1, minutes: 6 },
] as const;
export const DEMO_READING = "mielke-andropov-1981";
