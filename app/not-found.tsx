import { PageMessage } from "@/components/ui/page-message";

export default function NotFound() {
  return (
    <PageMessage code="404 · Not found" title="We can’t find that page" actions={[{ href: "/", label: "Go to the home page" }, { href: "/dashboard", label: "Go to your dashboard" }]}>
      <p>The link may be mistyped, or what it pointed to no longer exists.</p>
    </PageMessage>
  );
}
