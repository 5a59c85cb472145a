import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="border-t">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-8 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>P2Pvalue — tools for commons-based peer production. Free software.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li>
              <Link className="hover:text-foreground hover:underline" href="/docs/api">
                API reference
              </Link>
            </li>
            <li>
              <a className="hover:text-foreground hover:underline" href="/api/v1/openapi.json">
                OpenAPI document
              </a>
            </li>
            <li>
              <a className="hover:text-foreground hover:underline" href="/api/health">
                Service status
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
