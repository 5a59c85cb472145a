import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/lib/trpc/react';

// tRPC's client (and react-query) load only in the sections that call the API from the browser,
// which keeps them out of the first load of the home page.
export default function SectionLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
