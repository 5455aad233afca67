import Link from "next/link";

/** The body of the 401/403/404/error pages: what happened and where to go next. */
export function PageMessage({
  code,
  title,
  children,
  actions = [{ href: "/dashboard", label: "Go to your dashboard" }],
}: {
  code: string;
  title: string;
  children: React.ReactNode;
  actions?: { href: string; label: string }[];
}) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">{code}</p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <div className="mt-4 text-lg text-muted">{children}</div>
      <ul className="mt-8 flex flex-wrap gap-3">
        {actions.map((a) => (
          <li key={a.href}>
            <Link className="btn-secondary" href={a.href}>
              {a.label}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
