import { PageMessage } from "@/components/ui/page-message";

export default function Forbidden() {
  return (
    <PageMessage code="403 · Not allowed" title="This page isn’t open to you">
      <p>You are signed in, but this belongs to a class or an instructor you don’t have access to. If you think you should, ask your instructor.</p>
    </PageMessage>
  );
}
