import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractOutlook } from '../extract/outlook.ts';
import { watchPage } from '../lib/page-watch.ts';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main: () => void watchPage(extractOutlook),
});
