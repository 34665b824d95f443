/** A row's checkbox, tied to the bulk form by its id (the table is outside the form). */
export function RowCheckbox({ formId, id, label }: { formId: string; id: string; label: string }) {
  return <input type="checkbox" name="ids" value={id} form={formId} aria-label={label} data-testid="row-select" />;
}
