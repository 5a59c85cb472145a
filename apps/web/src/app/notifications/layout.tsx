import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/lib/trpc/react';

export default function NotificationsLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
