import type { Metadata } from 'next';
import { StatusPage } from '~/components/status/status-page';

export const metadata: Metadata = { title: 'Not allowed' };

export default function Forbidden() {
  return (
    <StatusPage code="403" title="You do not have access to this page">
      <p>You are signed in, but your account’s role does not include this page. If you think it should, ask the project’s staff.</p>
    </StatusPage>
  );
}
