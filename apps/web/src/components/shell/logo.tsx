import Link from 'next/link';

/** Wordmark with a small mark of three linked peers; decorative, the text carries the name. */
export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
      <svg viewBox="0 0 24 24" className="size-7 text-primary" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="6" cy="7" r="2.5" />
        <circle cx="18" cy="7" r="2.5" />
        <circle cx="12" cy="18" r="2.5" />
        <path d="M8.5 7h7M7.3 9.2l3.5 6.6M16.7 9.2l-3.5 6.6" strokeLinecap="round" />
      </svg>
      <span className="text-lg">P2Pvalue</span>
    </Link>
  );
}
