import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/lib/trpc/react';

// The designer submits through tRPC from the browser; the client loads only in this section.
export default function NewExperimentLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
