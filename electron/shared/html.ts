// Text put into HTML that Guichets writes (the report's pages, the published site, the replicas' pages).

/** The five characters that would end a text or an attribute value, as entities. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
