// The plan sections' rules, appended to the page's stylesheet (styles.ts). Colours come from
// its variables, so dark mode follows; every state is also said in words.

export const PLAN_CSS = `
.plan-nav ul{display:flex;flex-wrap:wrap;gap:.35rem .9rem;list-style:none;padding:.5rem .75rem;margin:1.5rem 0 0;background:var(--panel);border:1px solid var(--line);border-radius:.4rem}
.plan-nav a{text-decoration:none}
h3{font-size:1rem;margin:1rem 0 .35rem}
.vision{margin:.75rem 0;padding:.4rem .9rem;border-left:4px solid var(--str);white-space:pre-wrap;overflow-wrap:anywhere}
.ladder{margin:.25rem 0;padding-left:1.2rem}.ladder li{padding:.1rem 0}.ladder-current{font-weight:600}
.prewrap{white-space:pre-wrap;overflow-wrap:anywhere}.wrap{overflow-wrap:anywhere}
.row-line{display:flex;justify-content:space-between;gap:.5rem 1rem;align-items:flex-start;flex-wrap:wrap}
.row-line>span:first-child{min-width:0;overflow-wrap:anywhere}
.actions{flex-wrap:wrap;align-items:center}
form.quick{display:inline}form.quick button{padding:.1rem .55rem;font-size:.9em}
details.disclosure.compact{margin:.4rem 0;padding:.25rem .7rem}
details.disclosure.compact>summary{font-weight:400;color:var(--link)}
.health-head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
tr.worst>*{background:var(--panel)}
.spark{margin:.4rem 0;max-width:22rem}.spark-wide{max-width:34rem}
.spark svg{display:block;width:100%;height:auto;overflow:visible}
.spark-line{stroke:var(--tac);stroke-width:2;vector-effect:non-scaling-stroke}
.spark-dot{fill:var(--tac)}
.spark-baseline,.spark-target{stroke:var(--muted);stroke-dasharray:4 3;stroke-width:1;vector-effect:non-scaling-stroke}
.spark-target{stroke:var(--ok)}
.zone-at-risk{fill:var(--warn);opacity:.12}.zone-watch{fill:var(--watch);opacity:.12}
.objectives>li{padding:.75rem 0;max-width:52rem}
.objective-head{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline}
.objective-title{margin:0;font-size:1.02rem;overflow-wrap:anywhere}
.objective-progress{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;margin:.35rem 0}
.objective-facts{margin:.25rem 0}
svg.progress{width:14rem;max-width:100%;height:.8rem;border-radius:.2rem;flex:none;overflow:visible}
.progress-track{fill:var(--line)}.progress-fill{fill:var(--ok)}
.progress-at-risk .progress-fill{fill:var(--watch)}.progress-off-track .progress-fill{fill:var(--warn)}
.progress-dropped .progress-fill{fill:var(--muted)}
.progress-expected{stroke:var(--fg);stroke-width:2;vector-effect:non-scaling-stroke}
.status{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8em;font-weight:600;border:1px solid}
.status-on-track,.status-achieved{color:var(--ok)}.status-at-risk{color:var(--watch)}
.status-off-track{color:var(--warn)}.status-dropped{color:var(--muted)}
table.matrix{width:auto;min-width:100%}
table.matrix th,table.matrix td{text-align:center;white-space:nowrap;vertical-align:middle}
table.matrix thead th:first-child{text-align:left}
table.matrix th[scope=row],table.matrix td:last-child{text-align:left;white-space:normal;min-width:8rem}
table.matrix thead th{color:var(--fg);font-weight:600}
th.side-theirs{background:var(--panel)}
.cell-input{width:3.2rem;text-align:center;text-transform:uppercase;font-weight:600}
.grid-form{margin:.5rem 0}.grid-form .button-row{margin-top:.6rem}
.tally{margin:.25rem 0 .75rem}.tally>li{border:0;padding:.1rem 0}
.sev{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-size:.8em;border:1px solid var(--line)}
.sev-high,.sev-critical{border-color:var(--warn);color:var(--warn);font-weight:600}
.level{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-size:.8em;background:var(--panel);border:1px solid var(--line)}
.history{margin:.25rem 0;padding-left:1.2rem;font-size:.9em}
.conflict{padding:.6rem 0}
.compact-table{font-size:.9em}.compact-table th,.compact-table td{padding:.25rem .4rem}
.plain-link{text-decoration:none}
.ladder-row>fieldset{flex:1 1 16rem}
@media (max-width:40rem){
table.matrix th,table.matrix td{padding:.35rem .3rem}
table.matrix th[scope=row]{min-width:6rem}
.cell-input{width:2.8rem}
svg.progress{width:100%}
table.stack td.num[data-label]{text-align:left}
}
`;
