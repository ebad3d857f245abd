// `-f html`: one self-contained page (inline style and script, no request to anywhere) with each
// statement's text and its findings marked in place, the findings grouped by rule with the
// rule's rationale and example, and the statistics and score. Several files get a table of
// contents. The text is rendered by the core's renderHighlights(), which a web page can reuse.
import {escapeHtml, renderHighlights} from '../index.ts'
import {thousands} from '../core/numbers.ts'
import {reportPath} from './paths.ts'
import {hasFullStats} from './stats-text.ts'
import type {FileResult, FormatContext, Formatter} from './types.ts'

/** The HTML report. */
export const html: Formatter = (results, context) => {
  const many = results.length > 1
  const total = results.reduce((n, r) => n + r.messages.length, 0)
  const files = results.map((result, i) => fileSection(result, i + 1, context)).join('\n')
  const toc = many
    ? `<nav aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ol>${results
        .map((r, i) => `<li><a href="#file-${i + 1}">${escapeHtml(reportPath(context.cwd, r.filePath))}</a> <span class="dim">${r.score !== undefined ? `score ${r.score}, ` : ''}${count(r.messages.length, 'finding')}</span></li>`)
        .join('')}</ol></nav>`
    : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>soplint report${many ? '' : `: ${escapeHtml(reportPath(context.cwd, results[0]?.filePath ?? ''))}`}</title>
<style>${style}</style>
</head>
<body>
<header><h1>soplint report</h1><p>${count(results.length, 'file')}, ${count(total, 'finding')}. Hover over or tab to a highlight to read its finding; Enter goes to it in the list, <kbd>j</kbd> and <kbd>k</kbd> move between highlights, Escape closes the note.</p></header>
${toc}
<main>
${files}
</main>
<div id="tip" role="tooltip" hidden></div>
<script>${script}</script>
</body>
</html>
`
}

function fileSection(result: FileResult, n: number, {cwd, rulesMeta}: FormatContext): string {
  const prefix = `f${n}`
  const name = escapeHtml(reportPath(cwd, result.filePath))
  const messages = result.messages
  const {html: text, unmarked} = result.source !== undefined ? renderHighlights(result.source, messages, {idPrefix: prefix}) : {html: '', unmarked: messages.map((m, i) => i)}
  const notMarked = new Set(unmarked)
  const groups = new Map<string, number[]>()
  messages.forEach((m, i) => groups.set(m.ruleId, [...(groups.get(m.ruleId) ?? []), i]))
  const ruleSections = [...groups]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([ruleId, indices]) => {
      const meta = rulesMeta[ruleId]
      const id = `${prefix}-rule-${ruleId}`
      const items = indices
        .map((i) => {
          const m = messages[i]
          const place = m.paragraph ? `paragraph ${m.paragraph}` : `${m.line}:${m.column}`
          const link = notMarked.has(i) ? `<span class="place">${place}</span>` : `<a class="to-mark place" id="${prefix}-${i}-item" href="#${prefix}-${i}">${place}</a>`
          const note = notMarked.has(i) ? ' <span class="dim">(overlaps another highlight, so it is not marked in the text)</span>' : ''
          return `<li class="${m.level}">${link} <span class="level">${m.level}</span> <span id="${prefix}-${i}-msg">${inline(m.message)}</span>${note}</li>`
        })
        .join('')
      const about = meta
        ? `<p>${inline(meta.description)}. ${inline(meta.rationale)}</p>${meta.example ? `<dl class="example"><dt>Before</dt><dd>${inline(meta.example.before)}</dd><dt>After</dt><dd>${inline(meta.example.after)}</dd></dl>` : ''}<p><a href="${escapeHtml(meta.url)}">The rule's documentation</a></p>`
        : ''
      return `<section class="rule" id="${id}" aria-labelledby="${id}-h"><h4 id="${id}-h"><code>${escapeHtml(ruleId)}</code> (${indices.length})</h4>${about}<ol class="findings">${items}</ol></section>`
    })
    .join('\n')
  return `<section class="file" id="file-${n}" aria-labelledby="file-${n}-h">
<h2 id="file-${n}-h">${name}</h2>
${summary(result, prefix)}
<h3>Text</h3>
<pre class="text">${text}</pre>
<h3>Findings by rule</h3>
${ruleSections || '<p>No findings.</p>'}
</section>`
}

function summary(result: FileResult, prefix: string): string {
  const s = result.stats
  if (!hasFullStats(s)) return ''
  const pct = (share: number) => `${Math.round(share * 100)}%`
  const deductions = (result.deductions ?? [])
    .map((d) => `<li><span class="points">-${d.points}</span> ${d.ruleId ? `<a href="#${prefix}-rule-${escapeHtml(d.ruleId)}">${escapeHtml(d.reason)}</a>` : escapeHtml(d.reason)}</li>`)
    .join('')
  const rows: Array<[string, string]> = [
    ['Words', `${thousands(s.words)} / ${thousands(s.wordLimit)} (at least ${thousands(s.wordMinimum)})`],
    ['Paragraphs', String(s.paragraphs)],
    ['Sentences', `${s.sentences}; mean ${s.meanSentenceWords} words, longest ${s.longestSentenceWords} (line ${s.longestSentenceLine})`],
    ['Reading ease', `${s.readingEase} (Flesch); grade level ${s.gradeLevel}`],
    ['Bold / italic', `${pct(s.boldShare)} / ${pct(s.italicShare)} of the words`],
    ['Sentences starting with "I"', pct(s.iStartShare)],
    ['Specifics', `${s.specificsPer100} per 100 words (${s.numbers} numbers, ${s.names} names)`],
    ['Findings per 1,000 words', Object.entries(s.findingsPer1000).sort((a, b) => b[1] - a[1]).map(([id, v]) => `${escapeHtml(id)} ${v}`).join(', ') || 'none']
  ]
  return `<div class="summary">
<div class="score"><p class="big" aria-label="Score ${result.score} of 100"><span>${result.score}</span>/100</p>${deductions ? `<ol class="deductions" aria-label="Deductions, largest first">${deductions}</ol>` : '<p>No deductions.</p>'}</div>
<dl class="stats">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</div>`
}

// Messages and rationales quote text in backticks: show those as code.
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

function count(n: number, one: string): string {
  return `${thousands(n)} ${one}${n === 1 ? '' : 's'}`
}

const style = `
:root{color-scheme:light;--ink:#1a1a1a;--dim:#555;--warn:#fff1a8;--warn-line:#8a6d00;--error:#ffd9d9;--error-line:#b00020;--info:#dde9ff;--info-line:#1d4ed8}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff;margin:0 auto;max-width:60rem;padding:1rem 1.5rem 4rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.35rem;border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}h3{font-size:1.1rem;margin-top:1.8rem}h4{font-size:1rem;margin:1.4rem 0 .3rem}
.dim,.level{color:var(--dim)}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:15px/1.7 ui-monospace,"DejaVu Sans Mono",monospace;background:#fafafa;border:1px solid #ddd;border-radius:6px;padding:1rem}
mark.hl{color:inherit;border-bottom:2px solid;border-radius:2px;cursor:help}
mark.warning{background:var(--warn);border-color:var(--warn-line)}
mark.error{background:var(--error);border-color:var(--error-line)}
mark.info{background:var(--info);border-color:var(--info-line)}
mark.hl mark.hl{border-bottom-width:4px}
mark.hl:focus{outline:3px solid #1d4ed8;outline-offset:1px}
#tip{position:absolute;z-index:10;max-width:32rem;background:#1a1a1a;color:#fff;padding:.5rem .7rem;border-radius:6px;font-size:.9rem;line-height:1.4;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.summary{display:grid;grid-template-columns:minmax(12rem,1fr) 2fr;gap:1.5rem;align-items:start}
.score .big{font-size:1.2rem;margin:0}.score .big span{font-size:3rem;font-weight:700}
.deductions{list-style:none;padding:0;margin:.3rem 0}.deductions li{display:grid;grid-template-columns:2.8rem 1fr}.deductions .points{font-weight:700;color:#8b0000}
dl.stats{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.stats dt{font-weight:600}dl.stats dd{margin:0}
ol.findings{padding-left:1.4rem}ol.findings li{margin:.25rem 0}.place{font-variant-numeric:tabular-nums;margin-right:.3rem}
li.error .level{color:var(--error-line)}
dl.example{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;background:#f6f6f6;padding:.5rem .8rem;border-radius:6px}dl.example dt{font-weight:600}dl.example dd{margin:0}
a{color:#0b4fbf}a:focus{outline:3px solid #1d4ed8}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em;background:#f0f0f0;padding:0 .2em;border-radius:3px}
kbd{font-family:inherit;border:1px solid #bbb;border-radius:3px;padding:0 .3em;background:#f6f6f6}
@media (max-width:40rem){.summary{grid-template-columns:1fr}}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  nav,#tip,header p{display:none}
  .file+.file{break-before:page}
  pre.text{background:none;border:none;padding:0;font-size:10pt}
  mark.hl{background:none;border-bottom:1.5pt solid}
  mark.error{text-decoration:underline wavy var(--error-line)}
  h2,h3,h4{break-after:avoid}li,dl.example,.summary{break-inside:avoid}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt;color:var(--dim)}
}`

// Hover or focus a highlight to see its message; Enter goes to its entry in the list, whose link
// comes back; j and k move between highlights; Escape hides the note.
const script = `(function(){
var tip=document.getElementById('tip'),current=null;
function markOf(t){return t&&t.closest?t.closest('mark.hl'):null}
function show(m){current=m;tip.textContent=m.getAttribute('data-message')+' ['+m.getAttribute('data-rule')+']';tip.hidden=false;
var r=m.getBoundingClientRect(),w=document.documentElement.clientWidth;
tip.style.left=Math.max(8,Math.min(r.left,w-tip.offsetWidth-8))+window.scrollX+'px';tip.style.top=r.bottom+window.scrollY+6+'px'}
function hide(){tip.hidden=true;current=null}
document.addEventListener('mouseover',function(e){var m=markOf(e.target);if(m)show(m);else if(current&&!markOf(document.activeElement))hide()});
document.addEventListener('focusin',function(e){var m=markOf(e.target);if(m)show(m);else hide()});
document.addEventListener('keydown',function(e){
if(e.key==='Escape'){hide();return}
var m=markOf(e.target);
if(m&&(e.key==='Enter'||e.key===' ')){e.preventDefault();var item=document.getElementById(m.id+'-item');if(item){hide();item.focus()}return}
if((e.key==='j'||e.key==='k')&&!e.ctrlKey&&!e.metaKey&&!e.altKey){var all=Array.prototype.slice.call(document.querySelectorAll('mark.hl'));
var i=all.indexOf(document.activeElement),next=e.key==='j'?all[i+1]:all[i<0?all.length-1:i-1];if(next){e.preventDefault();next.focus()}}});
document.addEventListener('click',function(e){var a=e.target.closest?e.target.closest('a.to-mark'):null;if(!a)return;
var m=document.getElementById(a.getAttribute('href').slice(1));if(m){e.preventDefault();m.focus();m.scrollIntoView({block:'center'})}});
})();`
