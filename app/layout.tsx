import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dossier: primary sources for Cold War history", template: "%s · Dossier" },
  description: "Guided readings of Cold War primary sources, with context, for history classes.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf6" };

// The root layout reads no cookies, so public pages (the home page and the reading) stay static.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        <header role="banner" className="border-b border-line bg-white/95">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2">
            <Link href="/" className="text-lg font-bold tracking-tight text-ink no-underline">
              Dossier
            </Link>
            <nav aria-label="Site">
              <ul className="flex flex-wrap items-center gap-1 text-sm">
                <li>
                  <Link className="rounded px-3 py-2 text-ink no-underline hover:bg-stone-100" href="/readings/mielke-andropov-1981">
                    The reading
                  </Link>
                </li>
                <li>
                  <Link className="rounded px-3 py-2 text-ink no-underline hover:bg-stone-100" href="/dashboard">
                    Dashboard
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
