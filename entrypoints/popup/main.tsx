import { browser } from 'wxt/browser';
import { render } from 'preact';
import { openDb } from '@/lib/db';
import { SavedPapers } from '@/components/SavedPapers';
import type { Reply, Request } from '@/lib/messages';
import './style.css';

const db = openDb();
const send = (request: Request) => browser.runtime.sendMessage(request) as Promise<Reply>;
const libraryUrl = browser.runtime.getURL('/library.html');

render(
  <SavedPapers
    db={db}
    send={send}
    onOpenSettings={() => void browser.runtime.openOptionsPage()}
    libraryUrl={libraryUrl}
    onOpenLibrary={() => void browser.tabs.create({ url: libraryUrl }).then(() => window.close())}
  />,
  document.getElementById('app')!,
);
