'use client';

/** Ticks or clears every row checkbox that belongs to the bulk form `formId`. */
export function SelectAll({ formId }: { formId: string }) {
  return (
    <input
      type="checkbox"
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
