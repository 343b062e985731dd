import { contentHash } from './content-hash.ts';
import { PLAN_CSS } from './plan/styles.ts';

// Served as /page.css with a content hash in the URL, so the CSP can forbid inline styles.

export const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59626d;--line:#d8dde3;--panel:#f5f7f9;
--tac:#2f6fb3;--str:#a94f2a;--tag-fg:#fff;--warn:#a4262c;--ok:#1e7a3c;--focus:#1f5fd1;--link:#1d5fb0;--watch:#8a5a00}
@media (prefers-color-scheme:dark){:root{--bg:#14171a;--fg:#e8eaed;--muted:#a3adb8;--line:#343b42;--panel:#1c2024;
--tac:#6aa6e8;--str:#f0936b;--tag-fg:#111;--warn:#ff8a80;--ok:#7bd88f;--focus:#8ab4ff;--link:#8ab4ff;--watch:#f2c14e}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--link)}a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem;z-index:1}.skip:focus{left:1rem}
.site-header,main,.site-footer{max-width:80rem;margin:0 auto;padding:.75rem 1rem}
.site-header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between;align-items:center;border-bottom:1px solid var(--line)}
.site-header nav{margin-right:auto}.site-header nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.brand{font-weight:700;text-decoration:none;color:var(--fg)}
.site-footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
.muted{color:var(--muted)}.warn{color:var(--warn);font-weight:600}.ok{color:var(--ok);font-weight:600}
.notice{border:1px solid var(--line);border-left:4px solid var(--warn);padding:.5rem .75rem;background:var(--panel)}
button,.button{font:inherit;padding:.35rem .9rem;border:1px solid var(--line);border-radius:.3rem;background:var(--panel);color:var(--fg);cursor:pointer;text-decoration:none;display:inline-block}
button.primary,.button.primary{background:var(--tac);color:var(--tag-fg);border-color:var(--tac)}
input,select{font:inherit;padding:.3rem .4rem;border:1px solid var(--muted);border-radius:.3rem;background:var(--bg);color:var(--fg);max-width:100%}
.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;padding:.75rem;background:var(--panel);border:1px solid var(--line);border-radius:.4rem}
.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
.presets{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}
.presets a{display:inline-block;padding:.2rem .7rem;border:1px solid var(--line);border-radius:1rem;text-decoration:none}
.presets a[aria-current]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.period{margin:.5rem 0}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:.4rem}
table{border-collapse:collapse;width:100%}caption{text-align:left;padding:.5rem;color:var(--muted)}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-weight:600;color:var(--muted);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:last-child>*{border-bottom:0}
.table-wrap tr>:first-child{position:sticky;left:0;background:var(--bg)}
.tag{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8em;color:var(--tag-fg);white-space:nowrap}
.tag-tactical{background:var(--tac)}.tag-strategic{background:var(--str)}
.esc{display:inline-block;margin-left:.3rem;padding:0 .4rem;border-radius:.3rem;font-size:.8em;border:1px solid var(--warn);color:var(--warn);white-space:nowrap}
.balance{display:inline-flex;align-items:center;gap:.4rem;white-space:nowrap;font-size:.85em}
.balance-svg{width:6rem;height:.65rem;border-radius:.2rem;flex:none}
.balance-tac,.swatch-tac,.bar-tac{fill:var(--tac);background:var(--tac)}
.balance-str,.swatch-str,.bar-str{fill:var(--str);background:var(--str)}
.balance-empty{fill:var(--line)}
.chart{margin:0;overflow-x:auto}.chart svg{display:block;width:100%;min-width:30rem;height:auto;max-height:22rem}
.axis-label,.tick-label{fill:var(--muted);font-size:11px}.axis{stroke:var(--muted)}.grid{stroke:var(--line)}
.legend{display:flex;gap:1rem;list-style:none;padding:0;margin:.25rem 0;font-size:.9rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;margin-right:.3rem;vertical-align:-.05rem}
.cards{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.card{border:1px solid var(--line);border-radius:.4rem;padding:.25rem 1rem 1rem}
.plain{list-style:none;padding:0;margin:0}.plain>li{padding:.4rem 0;border-bottom:1px solid var(--line)}.plain>li:last-child{border-bottom:0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}.facts dt{color:var(--muted)}.facts dd{margin:0}
.timeline{list-style:none;padding:0;margin:0}
.timeline-row{padding:.6rem 0;border-bottom:1px solid var(--line)}
.timeline-head{display:flex;gap:.5rem;align-items:baseline;flex-wrap:wrap}.timeline-title{font-weight:600;overflow-wrap:anywhere}
.timeline-meta{font-size:.85rem}.timeline-notes{margin:.25rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
.site-header nav a{text-decoration:none;padding:.2rem .1rem;border-bottom:2px solid transparent}
.site-header nav a[aria-current="page"]{border-bottom-color:currentColor;font-weight:600;color:var(--fg)}
.title-row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.small{font-size:.85em;font-weight:400}.block{display:block}
.filters .grow{flex:1 1 14rem}.filters .grow input{width:100%}
.button-link{align-self:center}
.band{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.85em;font-weight:600;white-space:nowrap;border:1px solid}
.band-healthy{color:var(--ok);border-color:var(--ok)}.band-watch{color:var(--watch);border-color:var(--watch)}
.band-at-risk{color:var(--bg);background:var(--warn);border-color:var(--warn)}
.band-off{color:var(--muted);border-color:var(--line)}
.band-score{font-weight:400;font-variant-numeric:tabular-nums}
table.stack{border:1px solid var(--line);border-radius:.4rem;border-collapse:separate;border-spacing:0}
table.stack th[scope="row"]{font-weight:600}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
.pager a{padding:.35rem .9rem;border:1px solid var(--line);border-radius:.3rem;text-decoration:none}
.form{display:flex;flex-direction:column;gap:.9rem;max-width:44rem;margin:.75rem 0}
.form>button,.form>.button-row{align-self:flex-start}
.form .row{display:flex;flex-wrap:wrap;gap:.9rem}.form .row>.field{flex:1 1 14rem}
.field{display:flex;flex-direction:column;gap:.2rem;border:0;padding:0;margin:0;min-width:0}
.field>label,.field>legend{font-weight:600;padding:0}
.field input:not([type=checkbox]):not([type=radio]),.field select,.field textarea{width:100%}
textarea{font:inherit;padding:.3rem .4rem;border:1px solid var(--muted);border-radius:.3rem;background:var(--bg);color:var(--fg);resize:vertical}
.hint{color:var(--muted);font-size:.85rem}
.field-error{color:var(--warn);font-weight:600;font-size:.9rem}
.field-invalid input,.field-invalid select,.field-invalid textarea{border:2px solid var(--warn)}
.error-summary{border:2px solid var(--warn);border-radius:.4rem;padding:.5rem .9rem}
.error-summary ul{margin:.25rem 0;padding-left:1.2rem}.error-summary p{margin:.25rem 0}
.checks{display:flex;flex-direction:column;gap:.2rem}.checks-inline{flex-direction:row;flex-wrap:wrap;gap:.3rem 1rem}
.check,.field>label.check{display:inline-flex;gap:.35rem;align-items:center;font-weight:400}
details.disclosure{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .9rem;margin:1rem 0}
details.disclosure>summary{cursor:pointer;font-weight:600}
button.danger{background:var(--warn);color:var(--bg);border-color:var(--warn)}
.danger-link{color:var(--warn)}.danger-zone{margin-top:2rem;border-top:1px solid var(--line);padding-top:1rem}
.button-row{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
.notice-ok{border-left-color:var(--ok)}
.contact{display:flex;justify-content:space-between;gap:1rem;align-items:flex-start}
.contact>div:first-child{min-width:0;overflow-wrap:anywhere}
.actions{display:flex;gap:.75rem;flex:none}
.confirm{max-width:44rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere;background:var(--panel);padding:.1rem .3rem;border-radius:.2rem}
.codes dd{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
fieldset.plain-fieldset{border:0;padding:0;margin:0;min-width:0;display:flex;flex-direction:column;gap:.9rem}
.settings-group h2{margin-top:1rem}
.settings-group{display:flex;flex-direction:column;gap:.75rem}.settings-group>p{margin:0}.settings-group>h2{margin-bottom:0}
.settings .row>.field{flex:1 1 9rem}.settings input[inputmode=numeric]{max-width:10rem}
.indent{margin-left:1.6rem;display:flex;flex-direction:column;gap:.6rem}
.inline-form{display:flex;gap:.4rem;align-items:center;flex-wrap:wrap}
.issued{border-color:var(--ok);margin:1rem 0}
.steps li{margin:.4rem 0}
button.copy{padding:.15rem .6rem;font-size:.85rem}
@media (max-width:40rem){
table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td{display:block}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.stack tr{border-bottom:1px solid var(--line);padding:.5rem .6rem}
table.stack tbody tr:last-child{border-bottom:0}
table.stack th,table.stack td{border:0;padding:.1rem 0}
table.stack td[data-label]{display:flex;gap:.5rem;align-items:baseline}
table.stack td[data-label]::before{content:attr(data-label);flex:0 0 7rem;color:var(--muted);font-size:.85rem}
table.stack td.num{text-align:left}table.stack td[data-label]:empty{display:none}table.stack .balance{white-space:normal;flex-wrap:wrap}
.chart svg{min-width:0}
.contact{flex-direction:column;gap:.25rem}
}
@media (max-width:40rem){body{font-size:14px}.site-header,main,.site-footer{padding:.6rem}.filters{gap:.5rem}h1{font-size:1.3rem}}
@media (min-width:100rem){.site-header,main,.site-footer{max-width:96rem}}
${PLAN_CSS}`;

export const PAGE_CSS_VERSION = contentHash(PAGE_CSS);
export const PAGE_CSS_HREF = `/page.css?v=${PAGE_CSS_VERSION}`;
