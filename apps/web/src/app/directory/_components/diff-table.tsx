import type { TCaseFieldName } from '@p2pvalue/directory/fields';
import { FIELD_LABELS, formatFieldValue } from '../_lib/case-labels';

/** A field-by-field diff: one row per changed field, before and after. */
export function DiffTable({ diff, caption }: { diff: Record<string, { from?: unknown; to?: unknown }>; caption?: string }) {
  const rows = Object.entries(diff);
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No field changed.</p>;
  return (
    // Focusable because it may scroll sideways: keyboard users scroll it too (axe scrollable-region-focusable).
    <div className="overflow-x-auto" tabIndex={0}>
      <table className="w-full text-sm" data-testid="revision-diff">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr className="border-b text-left text-xs uppercase tracking-wide text-muted-foreground">
            <th scope="col" className="py-2 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-2 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, change]) => (
            <tr key={field} className="border-b align-top last:border-0">
              <th scope="row" className="py-2 pr-3 text-left font-medium whitespace-nowrap">
                {FIELD_LABELS[field as TCaseFieldName] ?? field}
              </th>
              <td className="max-w-xs py-2 pr-3 break-words whitespace-pre-line">
                <del className="bg-destructive/10 text-foreground/80 decoration-destructive/60">{formatFieldValue(change.from)}</del>
              </td>
              <td className="max-w-xs py-2 break-words whitespace-pre-line">
                <ins className="bg-success/10 no-underline">{formatFieldValue(change.to)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
