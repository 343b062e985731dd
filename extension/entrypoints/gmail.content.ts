import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractGmail } from '../extract/gmail.ts';
import { watchPage } from '../lib/page-watch.ts';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main: () => void watchPage(extractGmail),
});
