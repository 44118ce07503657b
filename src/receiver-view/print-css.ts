/** The styles of the CLI's index.html: readable on a phone, tidy on paper (no page wider than it). */
export const PRINT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.35rem;border-top:1px solid #c4c4c4;padding-top:1rem;margin-top:2rem}
h3{font-size:1.15rem;margin-top:1.5rem}h4{font-size:1.05rem;margin:0.5rem 0}h5{font-size:1rem;margin:0.8rem 0 0.2rem}
.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:0.2rem 1rem;margin:0.5rem 0}
.facts>div{display:contents}.facts dt{font-weight:600}.facts dd{margin:0;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #c4c4c4;padding-left:0.8rem;margin:0.5rem 0}
.item{border:1px solid #c4c4c4;border-radius:0.4rem;padding:0.5rem 0.9rem;margin:0.8rem 0}
.meta,.note{color:#4a4a4a}
table{border-collapse:collapse;width:100%;margin:0.5rem 0;font-size:0.92rem}
caption{text-align:left;font-weight:600}
th,td{border-bottom:1px solid #c4c4c4;padding:0.25rem 0.5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.num{text-align:right;font-variant-numeric:tabular-nums}
.chart svg{width:100%;height:auto;max-width:40rem}
.chart .grid{stroke:#ddd}.chart .axis{stroke:#777}.chart .bar{fill:#0b4f8a}.chart .line{fill:none;stroke:#0b4f8a;stroke-width:2}.chart .dot{fill:#0b4f8a}
.chart text{font-size:12px;fill:#333}
a{color:#0b4f8a;overflow-wrap:anywhere}
@media screen and (max-width:40rem){.facts{grid-template-columns:1fr}.facts dd{margin-bottom:0.4rem}
table,tbody,tr,td{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
tr{border-bottom:1px solid #c4c4c4;padding:0.3rem 0}td{border:0;padding:0.1rem 0}td.num{text-align:left}
td::before{content:attr(data-label) ": ";font-weight:600}}
@media print{
main{max-width:none;padding:0}
.block+.block.case,.document+.document{break-before:page}
h2,h3,h4,h5{break-after:avoid}
.item,figure,tr{break-inside:avoid}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:0.85em}
}
`;
