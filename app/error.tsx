"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Something went wrong</p>
      <h1 className="mt-2 text-3xl font-bold">Sorry, that didn’t work</h1>
      <p className="mt-4 text-lg text-muted">
        Nothing you had saved has been lost. Try again; if it keeps happening, tell your instructor.
      </p>
      <button type="button" className="btn-primary mt-8" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
