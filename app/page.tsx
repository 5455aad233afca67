import Link from "next/link";
import { connection } from "next/server";

export default async function HomePage() {
  // Rendered per request, so it carries the nonce of a strict Content-Security-Policy (proxy.ts).
  await connection();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-14">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Dossier · primary sources for Cold War history</p>
      <h1 className="mt-3 text-4xl font-bold leading-tight sm:text-5xl">Read the Cold War in its own words, with the context beside the text.</h1>
      <p className="mt-5 text-xl text-muted">
        Guided readings of primary sources for history classes: every person, term and event explained where it appears, with its
        sources, and the places where the document itself gets things wrong.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link className="btn-primary text-base" href="/readings/mielke-andropov-1981">
          Read: Mielke and Andropov, Moscow, 11 July 1981
        </Link>
        <Link className="btn-secondary text-base" href="/login">
          Sign in
        </Link>
        <Link className="btn-secondary text-base" href="/signup">
          Create an account
        </Link>
      </div>
      <section aria-labelledby="how-title" className="mt-14 grid gap-6 md:grid-cols-3">
        <h2 id="how-title" className="sr-only">How Dossier works</h2>
        <div className="card">
          <h3 className="font-bold">Students</h3>
          <p className="mt-2 text-muted">Join a class with a code, read the assigned source on any device, and pick up where you stopped.</p>
        </div>
        <div className="card">
          <h3 className="font-bold">Instructors</h3>
          <p className="mt-2 text-muted">Create a class, assign the reading with a due date, and see who has read which part.</p>
        </div>
        <div className="card">
          <h3 className="font-bold">In class</h3>
          <p className="mt-2 text-muted">Large type on a projector, a print view with the notes, and stable links to every paragraph.</p>
        </div>
      </section>
    </main>
  );
}
