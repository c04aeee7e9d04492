namespace Extractor.Output.Review;

/// <summary>The review page's stylesheet and script (inline in every report: the report opens from disk, no network).</summary>
internal static class ReviewAssets
{
    public const string Css = """
*{box-sizing:border-box}body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;font-size:14px}
#bar{position:sticky;top:0;z-index:5;background:#223;color:#fff;padding:.35em .8em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}
#bar .tools{margin-left:auto}#bar .dim{color:#bbc}main{padding:0 1em 4em}.dim{color:#777}
.note{background:#ffd;border:1px solid #cc8;padding:.4em .6em}
table.toc{border-collapse:collapse}table.toc td,table.toc th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}
table.toc td.fail,table.toc td.rounding{font-weight:bold}.fail{color:#b00}.rounding{color:#a60}.skipped{color:#666}.pass{color:#070}
section.tbl{margin:1.5em 0;border-top:2px solid #444}section.tbl.verified>h2{color:#070}section.tbl h2{font-size:1.15em}
.verify{font-size:.8em;font-weight:normal;margin-left:1em}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.8em;align-items:start;scroll-margin-top:2.6em}
.pages,.ext{max-height:calc(100vh - 3.2em);overflow:auto;border:1px solid #ccc;background:#f4f4f4}
.pg{position:relative;margin:0 auto .6em;width:min(100%,calc((100vh - 3.6em)*var(--r)));aspect-ratio:var(--r);background:#fff;box-shadow:0 0 3px #888}
body.zoom .pg{width:200%}
.pg img,.pg .layer,.pg svg.ov{position:absolute;left:0;top:0;width:100%;height:100%}.pg .layer svg{width:100%;height:100%;display:block}
body.raster .pg .layer{display:none}body.text .pg img{display:none}
.pg figcaption{position:absolute;left:0;top:0;background:rgba(255,255,255,.85);font-size:11px;padding:0 4px;pointer-events:none}
svg.ov rect{fill:transparent;stroke:rgba(0,90,255,.3);stroke-width:.4;cursor:pointer}
svg.ov rect.f{fill:rgba(255,0,0,.15);stroke:#d00;stroke-width:.8}svg.ov rect.r{fill:rgba(255,160,0,.18);stroke:#e80;stroke-width:.8}
svg.ov rect.w{fill:rgba(150,0,255,.22);stroke:#80c}svg.ov rect.mark{fill:rgba(0,110,255,.3);stroke:#00f;stroke-width:2}
svg.ov rect.hl{fill:rgba(255,225,0,.5);stroke:#000;stroke-width:1}
table.x{border-collapse:collapse;font-size:12px;background:#fff}table.x td,table.x th{border:1px solid #bbb;padding:2px 4px}
table.x td{white-space:nowrap;cursor:pointer}table.x thead{position:sticky;top:0;z-index:1}table.x th{background:#eee;font-weight:normal;min-width:2.5em}
table.x tr.cols th{color:#777;font-size:10px;background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.f{background:#fcc}td.r{background:#fe9}td.w{background:#ead6ff}td.w::after{content:" → " attr(data-fix);color:#60c;font-weight:bold}
td.mark{outline:3px solid #00f;outline-offset:-2px;background:#cfe0ff}td.hl{background:#ff0 !important;outline:2px solid #000;outline-offset:-2px}
.findings details{margin:.3em 0}.findings summary{cursor:pointer;font-weight:bold}.findings li{margin:.15em 0}
.findings li a{color:inherit;text-decoration:none;border-bottom:1px dotted}.findings li a.active{background:#cfe0ff}
#editor{position:fixed;left:0;right:0;bottom:0;background:#fff;border-top:2px solid #223;padding:.5em 1em;z-index:6;box-shadow:0 -2px 6px #0003}
#ed-what{margin-bottom:.3em}
""";

    public const string Script = """
(()=>{
const D=JSON.parse(document.getElementById('data').textContent),body=document.body,NS='http://www.w3.org/2000/svg';
const cells={};
for(const[t,a]of Object.entries(D.cells))for(let i=0;i<a.length;i+=7)cells[t+'r'+a[i]+'c'+a[i+1]]={t:t,p:a[i+2]};
document.querySelectorAll('section.tbl').forEach(s=>{const t='t'+s.dataset.t;
  s.querySelectorAll('table.x tbody tr').forEach((tr,r)=>{for(let c=0;c<tr.cells.length;c++)tr.cells[c].dataset.cell=t+'r'+r+'c'+c;});});
const marks={};
document.querySelectorAll('li.fail a.finding,li.rounding a.finding').forEach(a=>{const o=a.parentElement.classList.contains('fail')?'f':'r';
  a.dataset.cells.split(' ').forEach(id=>{if(marks[id]!=='f')marks[id]=o;});});
for(const[id,m]of Object.entries(marks)){const td=document.querySelector('td[data-cell="'+id+'"]');if(td)td.classList.add(m);}
const st={verified:{},corrections:{}};
function build(fig){if(fig.dataset.built)return;fig.dataset.built='1';
  const t='t'+fig.closest('section').dataset.t,p=+fig.dataset.page,hm=+fig.dataset.hm,g=fig.querySelector('svg.ov g'),a=D.cells[t]||[];
  for(let i=0;i<a.length;i+=7){if(a[i+2]!==p)continue;const id=t+'r'+a[i]+'c'+a[i+1],el=document.createElementNS(NS,'rect');
    el.setAttribute('x',a[i+3]);el.setAttribute('y',hm-a[i+6]);el.setAttribute('width',a[i+5]-a[i+3]);el.setAttribute('height',a[i+6]-a[i+4]);
    el.dataset.cell=id;if(marks[id])el.classList.add(marks[id]);if(st.corrections[id])el.classList.add('w');g.appendChild(el);}}
const layers={};
window.reviewLayer=(p,b64)=>{const bytes=Uint8Array.from(atob(b64),c=>c.charCodeAt(0));
  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(svg=>{layers[p]=svg;
    document.querySelectorAll('.pg[data-page="'+p+'"] .layer').forEach(l=>{l.innerHTML=svg;});});};
function layer(fig){if(!body.classList.contains('text'))return;const l=fig.querySelector('.layer');if(l.dataset.loaded)return;l.dataset.loaded='1';
  const p=fig.dataset.page;if(layers[p]!==undefined){l.innerHTML=layers[p];return;}
  if(document.querySelector('script[data-layer="'+p+'"]'))return;const s=document.createElement('script');s.src=l.dataset.src;s.dataset.layer=p;document.head.appendChild(s);}
const seen=new IntersectionObserver(es=>es.forEach(e=>{if(e.isIntersecting){build(e.target);layer(e.target);}}),{rootMargin:'800px'});
document.querySelectorAll('.pg').forEach(f=>seen.observe(f));
function figOf(id){const c=cells[id];if(!c)return null;return document.querySelector('#'+c.t+' .pg[data-page="'+c.p+'"]');}
function twins(id){const f=figOf(id);if(f)build(f);return document.querySelectorAll('[data-cell="'+id+'"]');}
function reveal(x,center){const pane=x.closest('.pages,.ext');if(!pane)return;const r=x.getBoundingClientRect(),p=pane.getBoundingClientRect();
  const head=x.closest('.ext')?(pane.querySelector('thead')||{offsetHeight:0}).offsetHeight:0;
  if(center||r.top<p.top+head||r.bottom>p.bottom)pane.scrollTop+=r.top-p.top-head-(pane.clientHeight-head)/2+r.height/2;
  if(center||r.left<p.left||r.right>p.right)pane.scrollLeft+=r.left-p.left-pane.clientWidth/2+r.width/2;}
let lit=[];
document.addEventListener('mouseover',e=>{const id=e.target.dataset&&e.target.dataset.cell;lit.forEach(x=>x.classList.remove('hl'));lit=[];if(!id)return;
  twins(id).forEach(x=>{x.classList.add('hl');lit.push(x);if(x!==e.target)reveal(x,false);});});
document.getElementById('view').addEventListener('change',e=>{body.classList.remove('raster','text');body.classList.add(e.target.value);
  document.querySelectorAll('.pg[data-built]').forEach(layer);});
document.getElementById('zoom').addEventListener('click',()=>body.classList.toggle('zoom'));
const ed=document.getElementById('editor');let edId=null;
function tableOf(id){return D.tables.find(t=>'t'+t.index===id.slice(0,id.indexOf('r')));}
function tdOf(id){return document.querySelector('td[data-cell="'+id+'"]');}
function openEditor(id){edId=id;const td=tdOf(id),t=tableOf(id),[r,c]=id.slice(id.indexOf('r')+1).split('c').map(Number);
  const th=td.closest('table').querySelectorAll('tr.cols th')[c];
  document.getElementById('ed-what').textContent=t.label+' row '+(r+1)+', column '+(th?th.title.replace(/^column \d+: /,''):c)+': extracted “'+td.textContent+'”';
  const cur=st.corrections[id];document.getElementById('ed-value').value=cur?cur.corrected:td.textContent;document.getElementById('ed-note').value=cur&&cur.note||'';
  ed.hidden=false;document.getElementById('ed-value').focus();}
document.getElementById('ed-close').onclick=()=>{ed.hidden=true;};
document.getElementById('ed-wrong').onclick=()=>{const td=tdOf(edId);st.corrections[edId]={extracted:td.textContent,corrected:document.getElementById('ed-value').value,
  note:document.getElementById('ed-note').value||null};ed.hidden=true;apply(true);};
document.getElementById('ed-clear').onclick=()=>{delete st.corrections[edId];ed.hidden=true;apply(true);};
document.addEventListener('click',e=>{const a=e.target.closest('a.finding');
  if(a){e.preventDefault();document.querySelectorAll('.mark,.active').forEach(x=>x.classList.remove('mark','active'));a.classList.add('active');
    const els=[];a.dataset.cells.split(' ').forEach(id=>twins(id).forEach(x=>{x.classList.add('mark');els.push(x);}));
    a.closest('section').querySelector('.pair').scrollIntoView({block:'start'});
    const td=els.find(x=>x.tagName==='TD'),rect=els.find(x=>x.tagName!=='TD');if(td)reveal(td,true);if(rect)reveal(rect,true);return;}
  const cell=e.target.closest('td[data-cell],rect[data-cell]');if(cell)openEditor(cell.dataset.cell);});
document.querySelectorAll('input.verified').forEach(cb=>cb.addEventListener('change',()=>{const t=cb.closest('section').dataset.t;
  if(cb.checked)st.verified[t]=true;else delete st.verified[t];apply(true);}));
function decisions(){const cs=Object.entries(st.corrections).map(([id,v])=>{const t=tableOf(id),[r,c]=id.slice(id.indexOf('r')+1).split('c').map(Number);
    return{table:t.index,number:t.number,kind:t.kind,row:r,column:c,extracted:v.extracted,corrected:v.corrected,note:v.note||null};});
  return{format:'extractor-review',version:1,sourceFile:D.source,sha256:D.sha256,reviewer:document.getElementById('reviewer').value||null,
    savedUtc:new Date().toISOString(),verified:Object.keys(st.verified).map(Number).map(i=>{const t=D.tables.find(x=>x.index===i);return{index:i,number:t.number,kind:t.kind};}),
    corrections:cs};}
const key='extractor-review:'+D.sha256;
function apply(changed){document.querySelectorAll('section.tbl').forEach(s=>{const v=!!st.verified[s.dataset.t];s.classList.toggle('verified',v);s.querySelector('input.verified').checked=v;
    const row=document.querySelector('#toc tr[data-t="'+s.dataset.t+'"] td.vt');if(row)row.textContent=v?'✓':'';});
  document.querySelectorAll('.w').forEach(x=>{x.classList.remove('w');delete x.dataset.fix;});
  for(const[id,v]of Object.entries(st.corrections))document.querySelectorAll('[data-cell="'+id+'"]').forEach(x=>{x.classList.add('w');if(x.tagName==='TD')x.dataset.fix=v.corrected;});
  const nv=Object.keys(st.verified).length,nc=Object.keys(st.corrections).length;
  document.getElementById('count').textContent=nv+' verified · '+nc+' wrong';
  if(changed)try{localStorage.setItem(key,JSON.stringify(decisions()));}catch(_){}}
function load(d){if(!d)return;st.verified={};st.corrections={};(d.verified||[]).forEach(v=>{st.verified[v.index]=true;});
  (d.corrections||[]).forEach(c=>{st.corrections['t'+c.table+'r'+c.row+'c'+c.column]={extracted:c.extracted,corrected:c.corrected,note:c.note};});
  if(d.reviewer)document.getElementById('reviewer').value=d.reviewer;}
load(D.decisions);
try{const draft=JSON.parse(localStorage.getItem(key)||'null');if(draft&&(!D.decisions||!D.decisions.savedUtc||draft.savedUtc>D.decisions.savedUtc))load(draft);}catch(_){}
apply();
document.getElementById('save').onclick=()=>{const blob=new Blob([JSON.stringify(decisions(),null,2)],{type:'application/json'});
  const a=document.createElement('a');a.href=URL.createObjectURL(blob);a.download=body.dataset.name;document.body.appendChild(a);a.click();a.remove();};
})();
""";
}
