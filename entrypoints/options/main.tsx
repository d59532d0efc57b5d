import { browser } from 'wxt/browser';
import { render } from 'preact';
import { openDb } from '@/lib/db';
import { OptionsPage } from '@/components/OptionsPage';
import type { Reply, Request } from '@/lib/messages';
import '../popup/style.css';
import './style.css';

const db = openDb();
const send = (request: Request) => browser.runtime.sendMessage(request) as Promise<Reply>;

render(<OptionsPage db={db} send={send} />, document.getElementById('app')!);
