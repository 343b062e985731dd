import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractGoogleCalendar } from '../extract/google-calendar.ts';
import { watchPage } from '../lib/page-watch.ts';

export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main: () => void watchPage(extractGoogleCalendar),
});
