// Rewrites of a replica page into what other sites (or the same site a year later) serve: ids and classes renamed,
// text with other spacing, apostrophes and capitals, content rendered late by a script, an extra layer.

/** A stable new name for an id or a class: same page, same name; nothing of the replica's own names left. */
function renamed(name: string): string {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return `r${hash.toString(36)}`;
}

/** Renames every id and class of the page, in the markup, its style sheet and its scripts' selectors. */
export function renameIdsAndClasses(html: string): string {
  const ids = new Set<string>();
  const classes = new Set<string>();
  for (const match of html.matchAll(/\sid="([^"]+)"/g)) if (match[1]) ids.add(match[1]);
  for (const match of html.matchAll(/\sclass="([^"]+)"/g)) for (const c of (match[1] ?? '').split(/\s+/)) if (c) classes.add(c);
  let out = html
    .replace(/(\s(?:id|for))="([^"]+)"/g, (_m, attr: string, value: string) => `${attr}="${renamed(value)}"`)
    .replace(/\sclass="([^"]+)"/g, (_m, value: string) => ` class="${value.split(/\s+/).filter(Boolean).map(renamed).join(' ')}"`)
    .replace(/getElementById\((['"])([^'"]+)\1\)/g, (_m, q: string, id: string) => `getElementById(${q}${renamed(id)}${q})`);
  // Selectors in style sheets and scripts: "#id" and ".class" tokens of names the page uses.
  out = out.replace(/<(style|script)([^>]*)>([\s\S]*?)<\/\1>/g, (_m, tag: string, attrs: string, body: string) => {
    const rewritten = body.replace(/([#.])([A-Za-z_][\w-]*)/g, (token, sigil: string, name: string) => {
      if (sigil === '#' && ids.has(name)) return `#${renamed(name)}`;
      if (sigil === '.' && classes.has(name)) return `.${renamed(name)}`;
      return token;
    });
    return `<${tag}${attrs}>${rewritten}</${tag}>`;
  });
  return out;
}

/**
 * Other spacing, apostrophes and capitals: headings, labels, buttons and table headers in capitals (CSS), and in
 * the text itself double spaces, non-breaking spaces and typographic apostrophes.
 */
export function varyText(html: string): string {
  let index = 0;
  const body = html.replace(/(<(script|style|title|textarea)[^>]*>[\s\S]*?<\/\2>)|>([^<]+)(?=<)/g, (match, raw: string | undefined, _tag, text: string | undefined) => {
    if (raw !== undefined || text === undefined || text.trim() === '') return match;
    index += 1;
    const spaced = text
      .replace(/'/g, '’')
      .replace(/ (?=\S)/g, index % 2 === 0 ? '  ' : '\u00a0')
      .replace(/^(\S)/, ' $1');
    return `>${spaced}`;
  });
  const style = '<style>h1,h2,h3,h4,label,th,button,legend{text-transform:uppercase;letter-spacing:.03em}</style>';
  return body.replace(/<\/head>/i, `${style}</head>`);
}

/**
 * The page's content rendered by a script 300–800 ms after the document has loaded, as single-page applications
 * (Vue, React) do; before that the body holds only an empty mount point.
 */
export function renderLate(html: string, delayMs: number): string {
  const match = /<body([^>]*)>([\s\S]*)<\/body>/i.exec(html);
  if (!match) return html;
  const [whole, attrs = '', inner = ''] = match;
  const late = `<body${attrs}><div id="__mount"></div><template id="__late">${inner}</template>
<script>setTimeout(function(){ var t=document.getElementById('__late'); document.getElementById('__mount').replaceWith(t.content.cloneNode(true)); t.remove(); }, ${delayMs});</script></body>`;
  return html.replace(whole, late);
}

/** Adds a layer (banner, wall, pop-up) at the end of the body. */
export function addLayer(html: string, layer: string): string {
  return /<\/body>/i.test(html) ? html.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${layer}</body>`) : html + layer;
}
