/**
 * The one stylesheet every page uses, served from the Worker. System fonts only (no web
 * fonts to download); colours meet WCAG 2.2 AA contrast; every focusable element has a
 * visible focus style; the print rules turn the meeting checklist into a clean handout.
 */
export const STYLESHEET_PATH = "/assets/site.css";

export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#ffdd00;color:#0b0c0c}
.skip-link:focus{left:0;z-index:10}
.site-header{background:#0b0c0c;color:#fff;border-bottom:.5rem solid #1d70b8}
.site-header .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding-top:.75rem;padding-bottom:.75rem}
.site-header a{color:#fff}
.site-name{font-weight:700;font-size:1.25rem;text-decoration:none;margin-right:auto}
.site-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.wrap{max-width:60rem;margin:0 auto;padding-left:1rem;padding-right:1rem}
main{display:block;padding-top:1.5rem;padding-bottom:2.5rem}
.fixture-banner{background:#fff7bf;color:#0b0c0c;border-bottom:2px solid #594d00;padding:.5rem 0;font-weight:700}
h1,h2,h3,h4{line-height:1.25;margin:1.75rem 0 .75rem}
h1{font-size:2rem;margin-top:.5rem}
h2{font-size:1.5rem}
h3{font-size:1.25rem}
h4{font-size:1.125rem}
p,ul,ol,dl{margin:0 0 1rem}
li{margin-bottom:.35rem}
.lead{font-size:1.3rem}
.small{font-size:1rem}
.hint{color:#484949;font-size:1.05rem;margin:0 0 .5rem}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:3px}
.site-header a:visited,.site-header a:hover{color:#fff}
a:focus,button:focus,summary:focus,.skip-link:focus{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
input:focus,select:focus,textarea:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.breadcrumbs ol{list-style:none;margin:0 0 1rem;padding:0;font-size:1rem}
.breadcrumbs li{display:inline;margin:0}
.breadcrumbs li+li::before{content:"\\203A";margin:0 .5rem;color:#484949}
label,legend{display:block;font-weight:700;margin-bottom:.25rem}
legend{font-size:1.25rem;padding:0}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
.field{margin-bottom:1.5rem}
input[type=text],input[type=search],input[type=url],select,textarea{font:inherit;width:100%;max-width:32rem;padding:.4rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c}
textarea{min-height:8rem}
input[type=file]{font:inherit;max-width:100%}
.choice{display:flex;gap:.6rem;align-items:flex-start;margin-bottom:.6rem}
.choice input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none;accent-color:#0b0c0c}
.choice label{font-weight:400;margin:0}
.choice .hint{margin:.15rem 0 0}
.field-error input,.field-error select,.field-error textarea{border-color:#d4351c}
.field-error{border-left:5px solid #d4351c;padding-left:.75rem}
.error-message{color:#d4351c;font-weight:700;margin:0 0 .4rem}
.error-summary{border:5px solid #d4351c;padding:1rem;margin-bottom:1.5rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#d4351c;font-weight:700}
button,.button{display:inline-block;font:inherit;font-weight:700;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;box-shadow:0 2px 0 #002d18;padding:.5rem 1rem;cursor:pointer;text-decoration:none;margin:0 .75rem .75rem 0}
.button:visited,.button:hover{color:#fff}
button:hover,.button:hover{background:#005a30}
button.secondary:hover,.button.secondary:hover{background:#dbdad9;color:#0b0c0c}
.button.secondary,button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.button.secondary:visited{color:#0b0c0c}
.notice{border-left:6px solid #1d70b8;background:#f3f2f1;padding:1rem;margin:0 0 1.5rem}
.notice.warning{border-left-color:#d4351c}
.notice.fixture{border-left-color:#594d00;background:#fff7bf}
.notice>:last-child{margin-bottom:0}
.notice h2{margin-top:0;font-size:1.25rem}
.cards{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr))}
.cards li{border:1px solid #b1b4b6;border-top:5px solid #1d70b8;padding:.75rem 1rem;margin:0}
.cards h3{margin:0 0 .5rem;font-size:1.2rem}
.results li{margin-bottom:.75rem}
.meta{color:#484949;font-size:1rem}
dl.pairs{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem}
dl.pairs dt{font-weight:700}
dl.pairs dd{margin:0}
.statements li{margin-bottom:.6rem}
.tag{display:inline-block;font-size:.95rem;font-weight:700;padding:.1rem .45rem;margin-right:.4rem;border-radius:2px}
.tag.present{background:#cce2d8;color:#005a30}
.tag.vague{background:#fff7bf;color:#594d00}
.tag.missing{background:#f4cdc6;color:#942514}
.tag.not_required,.tag.neutral{background:#eeefef;color:#383f43}
.checklist{list-style:none;padding:0}
.checklist>li{border-bottom:1px solid #b1b4b6;padding:.75rem 0;margin:0}
blockquote{margin:.5rem 0;padding:.25rem 0 .25rem 1rem;border-left:4px solid #b1b4b6;color:#383f43}
.question{font-weight:700}
.notes-line{border-bottom:1px solid #0b0c0c;height:1.75rem;margin:.25rem 0}
.site-footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:1.5rem 0;font-size:1rem}
[hidden]{display:none!important}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
@media (max-width:40rem){body{font-size:1.0625rem}h1{font-size:1.6rem}h2{font-size:1.35rem}.wrap{padding-left:.75rem;padding-right:.75rem}dl.pairs{grid-template-columns:1fr}dl.pairs dd{margin-bottom:.5rem}}
@media print{
body{font-size:12pt;color:#000}
.site-header,.site-footer,.skip-link,.breadcrumbs,.no-print,.fixture-banner{display:none!important}
main{padding:0}
a{color:#000}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:10pt;word-break:break-all}
.notice{border:1px solid #000;background:none}
.checklist>li,h2,h3{break-inside:avoid;page-break-inside:avoid}
}
`;
