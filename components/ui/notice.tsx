/** "Saved", "Class created": a success message announced politely to screen readers. */
export function SuccessNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
      {children}
    </p>
  );
}
