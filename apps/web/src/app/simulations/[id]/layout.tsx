import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/lib/trpc/react';

// The experiment page polls its status and acts through tRPC from the browser.
export default function ExperimentLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
