import { PageMessage } from "@/components/ui/page-message";

export default function Unauthorized() {
  return (
    <PageMessage code="401 · Sign in needed" title="Please sign in" actions={[{ href: "/login", label: "Sign in" }]}>
      <p>You need to be signed in to see this page.</p>
    </PageMessage>
  );
}
