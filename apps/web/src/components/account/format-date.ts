const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDate(date: Date | null | undefined, empty = '—'): string {
  return date ? dateFormat.format(date) : empty;
}

export function formatDateTime(date: Date | null | undefined, empty = '—'): string {
  return date ? dateTimeFormat.format(date) : empty;
}
