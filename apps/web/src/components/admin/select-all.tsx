'use client';

/** Ticks or clears every row checkbox that belongs to the bulk form `formId` (it has no name, so it sends nothing). */
export function SelectAll({ formId }: { formId: string }) {
  return (
    <input
      type="checkbox"
      form={formId}
      aria-label="Select all on this page"
      data-testid="select-all"
      onChange={(event) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(
          `input[type="checkbox"][form="${formId}"][name="ids"]`,
        );
        for (const box of boxes) box.checked = event.target.checked;
      }}
    />
  );
}
