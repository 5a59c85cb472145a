/** Chrome's install prompt event (not in TypeScript's DOM types). */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

declare global {
  interface Window {
    __p2pvInstallPrompt?: InstallPromptEvent;
  }
}

export const INSTALL_EVENT = 'p2pv:installable';

// `beforeinstallprompt` can fire before any React code has loaded: a few bytes inline in the page
// keep the event until the install button (loaded lazily) asks for it.
const capture = `addEventListener('beforeinstallprompt',function(e){e.preventDefault();window.__p2pvInstallPrompt=e;dispatchEvent(new Event('${INSTALL_EVENT}'))});`;

/** `nonce`: this request's script nonce (the CSP refuses inline scripts without it). */
export function PwaInstallCapture({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: capture }} />;
}
