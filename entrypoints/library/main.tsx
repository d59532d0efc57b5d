import { browser } from 'wxt/browser';
import { render } from 'preact';
import { openDb } from '@/lib/db';
import { LibraryPage } from '@/components/LibraryPage';
import type { Reply, Request } from '@/lib/messages';
import '../popup/style.css';
import './style.css';

const db = openDb();
const send = (request: Request) => browser.runtime.sendMessage(request) as Promise<Reply>;

render(<LibraryPage db={db} send={send} settingsUrl={browser.runtime.getURL('/options.html')} />, document.getElementById('app')!);
