// The Department's desk, appended to /static/portal.css: wide tables scroll on a phone; on a
// desktop the original and what was read stand side by side.
export const DESK_CSS = `
nav.desk{display:flex;flex-wrap:wrap;gap:.25rem;margin:0 0 1rem;border-bottom:1px solid #d5dbe1}
nav.desk a{padding:.5rem .6rem;text-decoration:none;border-radius:.35rem .35rem 0 0}
nav.desk a[aria-current=page]{background:#fff;border:1px solid #d5dbe1;border-bottom-color:#fff;margin-bottom:-1px;
  font-weight:600;color:#1b1f24}
.stats{display:grid;grid-template-columns:repeat(2,1fr);gap:.5rem;margin:0 0 .75rem}
.stat{background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;padding:.5rem .75rem;
  display:flex;flex-direction:column}
.stat b{font-size:1.5rem;line-height:1.2}
.stat small{color:#4a5560}
.note{color:#4a5560;font-size:.9rem}
.state{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.85rem;font-weight:600;background:#e9ecef}
.state.on_time{background:#d3f0dc;color:#14532d}
.state.late{background:#fff1c2;color:#6b4e00}
.state.needs_review{background:#ffe0b2;color:#7a3e00}
.state.returned{background:#ead7f5;color:#4a1772}
.state.rejected{background:#fcd9d6;color:#7f1d1d}
.state.missing{background:#e9ecef;color:#333}
.state.missing.overdue{background:#b3261e;color:#fff}
.bounced{color:#b3261e}
.figures{font-size:.85rem;font-weight:600}
.figures.corrected{color:#7a3e00}.figures.confirmed{color:#14532d}.figures.pending{color:#4a5560}
.problems{margin:0;padding-left:1rem;font-size:.9rem}
table.levels th,table.levels td{overflow-wrap:normal}
td.src{white-space:nowrap}
table.board,table.contacts,table.unit-rounds{font-size:.92rem}
main:has(table.board),main:has(table.contacts),main:has(table.trend){max-width:80rem}
.pager{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center;margin:.75rem 0}
.pager a{display:inline-block;min-width:2.75rem;min-height:2.75rem;padding:.55rem .5rem;text-align:center;
  border:1px solid #d5dbe1;border-radius:.35rem;background:#fff;text-decoration:none}
.pager a[aria-current=page]{background:#0b5cad;color:#fff;border-color:#0b5cad;font-weight:600}
.round-cards{display:grid;grid-template-columns:1fr;gap:0 1rem}
.round-card h3 small{display:block;font-weight:400;color:#4a5560;font-size:.9rem}
.round-card form{margin:.5rem 0 0}
.round-card .row{display:flex;flex-wrap:wrap;gap:.5rem}
.round-card .row input{flex:1 1 12rem;width:auto}
input[type=date],input[type=file]{font:inherit;padding:.5rem;border:1px solid #7a8691;border-radius:.35rem;
  max-width:100%;background:#fff}
label.check{display:flex;gap:.4rem;align-items:center;font-weight:400}
button.danger{background:#8a1c14}
button.small{min-height:2.25rem;padding:.3rem .8rem;font-size:.9rem}
form.inline{display:inline;margin:0}
.emails{list-style:none;padding:0;margin:0}
.emails li{padding:.15rem 0;overflow-wrap:anywhere}
.uploads{margin:0;padding-left:1.25rem;font-size:.9rem}
.desk-log{padding-left:1.25rem}
.desk-log li{margin-bottom:.5rem;overflow-wrap:anywhere}
.bounced-list li{margin-bottom:.35rem;overflow-wrap:anywhere}
.delta.up{color:#14532d}.delta.down{color:#8a1c14}.delta.same{color:#4a5560}
table.trend th[scope=row]{font-weight:600;min-width:12rem}
table.trend td.num{white-space:normal}
code{overflow-wrap:anywhere}
table.trend th,table.trend td{overflow-wrap:normal}
.card>h2:first-child{margin-top:0}
.emails .email{display:block}
/* On a phone each row of a wide table is a card: every cell on its own line, its column's name
   before it (data-label), empty cells left out. */
@media (max-width:39.99rem){
  table.stacked,table.stacked tbody,table.stacked tr,table.stacked td,table.stacked th[scope=row]{display:block;
    width:100%}
  table.stacked caption{display:block}
  table.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
  table.stacked{background:none}
  table.stacked tr{background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;margin:0 0 .75rem;padding:.15rem 0}
  table.stacked td,table.stacked th[scope=row]{border:0;border-bottom:1px solid #eef1f4;position:relative;
    padding:.3rem .5rem .3rem 7.25rem;min-height:2rem;text-align:left;white-space:normal}
  table.stacked th[scope=row]{padding-left:.5rem}
  table.stacked td:last-child{border-bottom:0}
  table.stacked td::before{content:attr(data-label);position:absolute;left:.5rem;top:.35rem;width:6.5rem;
    font-weight:600;color:#4a5560;font-size:.85rem;overflow-wrap:normal}
  table.stacked td:empty{display:none}
}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:0 0 .75rem}
.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem;max-width:100%}
.filters label.check{flex-direction:row;gap:.35rem;align-items:center}
select,textarea{font:inherit;padding:.5rem;border:1px solid #7a8691;border-radius:.35rem;max-width:100%;background:#fff}
.actions select{width:100%}
textarea{width:100%}
.queue{list-style:none;padding:0;margin:0}
.queue-item{display:flex;flex-direction:column;gap:.15rem}
.queue-item .why{color:#4a5560;font-size:.9rem}
.review{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
iframe.pdf{width:100%;height:70vh;min-height:24rem;border:1px solid #d5dbe1;border-radius:.35rem;background:#fff}
.actions{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
.actions form{max-width:none;min-width:0;border:1px solid #d5dbe1;border-radius:.5rem;padding:.75rem}
.action.return button,.action.not_report button{background:#8a1c14}
.action.assign button{background:#4a1772}
.audit{padding-left:1.25rem}
.audit li{margin-bottom:.75rem}
blockquote{margin:.25rem 0 0;padding:.25rem .75rem;border-left:.25rem solid #d5dbe1;background:#f9fbfc;
  white-space:pre-wrap}
.rollup form{margin:0 0 .75rem}
.sign-item h3 small{font-weight:400;color:#4a5560;font-size:.85rem}
.sign-item.decided{border-left:.3rem solid #2e7d32}
.sign-item .name{margin:.25rem 0}
dl.pair{display:grid;grid-template-columns:minmax(0,1fr);gap:.1rem .75rem;margin:.5rem 0}
dl.pair dt{font-weight:600;color:#4a5560;font-size:.9rem}
dl.pair dd{margin:0 0 .35rem;overflow-wrap:anywhere}
dl.pair small{display:block;color:#4a5560}
figure.crop{margin:.5rem 0}
figure.crop img{max-width:100%;height:auto;border:1px solid #d5dbe1;background:#fff}
figure.crop figcaption{font-size:.9rem;color:#4a5560;overflow-wrap:anywhere}
.sign-form{display:flex;flex-direction:column;gap:.35rem;margin:.5rem 0 0}
.sign-form .row{display:flex;flex-wrap:wrap;gap:.5rem}
.sign-form .row input{flex:1 1 8rem;width:auto}
.decision{font-weight:600;color:#14532d}
.decision small{font-weight:400;color:#4a5560}
.sign-group>form{margin:0 0 .75rem}
details summary{cursor:pointer;font-weight:600}
fieldset{border:1px solid #d5dbe1;border-radius:.35rem;margin:0;padding:.5rem .75rem}
legend{font-weight:600;padding:0 .25rem}
.settings{display:grid;grid-template-columns:1fr;gap:0 1rem;align-items:start}
.signature-preview{display:flex;flex-direction:column;align-items:center;gap:.2rem;padding:1rem;
  border:1px dashed #7a8691;border-radius:.35rem;background:#fff;text-align:center}
.signature-preview .sign-space{color:#4a5560;font-size:.85rem;padding:1.5rem 0}
@media (min-width:40rem){.stats{grid-template-columns:repeat(4,1fr)}
  dl.pair{grid-template-columns:12rem minmax(0,1fr)}
  .actions{grid-template-columns:repeat(2,minmax(0,1fr))}.round-cards{grid-template-columns:repeat(2,minmax(0,1fr))}
  .settings{grid-template-columns:3fr 2fr}}
@media (min-width:64rem){main:has(.review){max-width:90rem}.review{grid-template-columns:repeat(2,minmax(0,1fr))}}
`;
