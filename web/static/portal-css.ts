// The portal's only stylesheet, served from /static/portal.css (the CSP allows no inline style).
// Mobile first: one column, large touch targets; wider screens get a centred column.
export const PORTAL_CSS = `
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
  line-height:1.5;color:#1b1f24;background:#f4f6f8}
a{color:#0b5cad}
a:focus-visible,button:focus-visible,input:focus-visible,label.drop:focus-within{
  outline:3px solid #f2a900;outline-offset:2px}
.top{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;
  padding:.75rem 1rem;background:#0b3d6b;color:#fff}
.top a.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.15rem}
.top a.brand small{display:block;font-weight:400;font-size:.8rem;opacity:.9}
.who{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.9rem}
.who form{margin:0}
button.link{background:none;border:1px solid #fff;color:#fff;padding:.35rem .75rem;min-height:auto}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;line-height:1.3;margin:.5rem 0 1rem}
h1 small{display:block;font-size:.95rem;font-weight:400;color:#4a5560}
h2{font-size:1.2rem;margin:1.5rem 0 .75rem}
h3{font-size:1.05rem;margin:0 0 .75rem}
h4{font-size:1rem;margin:1rem 0 .5rem}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.stack{display:flex;flex-direction:column;gap:.5rem;max-width:32rem}
label{font-weight:600}
label.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;min-height:2.25rem}
fieldset.figure>label[for]{display:block;margin-top:.5rem}
fieldset.figure input[inputmode]{font:inherit;padding:.6rem;border:1px solid #7a8691;border-radius:.35rem;
  width:100%;max-width:16rem}
input[type=email],input[type=password],input[type=text]{font:inherit;padding:.6rem;border:1px solid #7a8691;
  border-radius:.35rem;width:100%}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.6rem 1.1rem;border:0;border-radius:.35rem;
  background:#0b5cad;color:#fff;cursor:pointer}
button:disabled{background:#7a8691}
.notice{padding:.75rem 1rem;border-radius:.35rem;border-left:.35rem solid}
.notice.error{background:#fdecea;border-color:#b3261e}
.notice.info{background:#e8f1fb;border-color:#0b5cad}
.notice.ok{background:#e7f5ec;border-color:#1e7b3c}
.rounds,.units{list-style:none;padding:0;margin:0}
.round{display:flex;flex-direction:column;gap:.25rem}
.status{display:inline-block;padding:.05rem .5rem;border-radius:1rem;font-size:.9rem;font-weight:600;background:#e9ecef}
.status.accepted{background:#d3f0dc;color:#14532d}
.status.needs_review{background:#fff1c2;color:#6b4e00}
.status.rejected{background:#fcd9d6;color:#7f1d1d}
.status.missing{background:#e9ecef;color:#333}
.status.returned{background:#fcd9d6;color:#7f1d1d}
.status.overdue{background:#b3261e;color:#fff}
.first-line{font-weight:600}
.reading details{margin-top:.5rem}
.counted{color:#14532d}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:0 0 1rem}
.facts dt{font-weight:600}
.facts dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #d5dbe1;padding:.4rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
td.num{text-align:right;white-space:nowrap}
.diagnostics{padding-left:1.1rem}
.diagnostics li{margin-bottom:.5rem}
.diagnostics li.error strong{color:#b3261e}
.advice{color:#333}
.drop{display:block;border:2px dashed #7a8691;border-radius:.5rem;padding:1.25rem;text-align:center;
  background:#f9fbfc;cursor:pointer}
.drop.over{border-color:#0b5cad;background:#e8f1fb}
.progress{display:flex;flex-direction:column;gap:.25rem}
.progress[hidden]{display:none}
progress{width:100%;height:1.25rem}
.files{list-style:none;padding:0;margin:0}
.files li{padding:.25rem 0}
.foot{max-width:60rem;margin:2rem auto;padding:0 1rem;color:#4a5560;font-size:.85rem}
@media (min-width:48rem){.round{flex-direction:row;flex-wrap:wrap;align-items:baseline;gap:.75rem}}
`;
