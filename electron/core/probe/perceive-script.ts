// The in-page half of perception (see perceive.ts): what a person sees in one frame, read in one round trip.
// Plain JavaScript (the core is compiled without the DOM's types). Visible means rendered, not hidden by CSS, not
// zero-size or clipped to nothing, not off the page, not under aria-hidden or inert, not in a closed <dialog>;
// a styled radio or checkbox counts when its label is visible. Open shadow roots are read too.

export const PERCEIVE_SCRIPT = `(([mark, frameMark, challengeSelector, captchaSelector]) => {
  const vw = innerWidth, vh = innerHeight;
  const root = document.documentElement;
  const docW = Math.max(root ? root.scrollWidth : 0, vw), docH = Math.max(root ? root.scrollHeight : 0, vh);
  const flat = (t) => (t || '').replace(/\\s+/g, ' ').trim();
  const parentOf = (n) => n.parentElement || (n.parentNode && n.parentNode.host) || null;
  for (const old of document.querySelectorAll('[' + mark + '], [' + frameMark + ']')) { old.removeAttribute(mark); old.removeAttribute(frameMark); }

  const treeHidden = new Map();
  const hiddenByTree = (el) => {
    if (!el || el === document.body || el === root) return false;
    if (treeHidden.has(el)) return treeHidden.get(el);
    let hidden = el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert') || (el.tagName === 'DIALOG' && !el.open);
    if (!hidden) {
      const s = getComputedStyle(el);
      hidden = s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse' || Number(s.opacity) < 0.05;
      if (!hidden && (s.overflow === 'hidden' || s.overflow === 'clip' || s.clip === 'rect(0px, 0px, 0px, 0px)')) {
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) hidden = true;
      }
    }
    if (!hidden) hidden = hiddenByTree(parentOf(el));
    treeHidden.set(el, hidden);
    return hidden;
  };
  const offPage = (r) => {
    const left = r.left + scrollX, top = r.top + scrollY;
    return left + r.width <= 0 || top + r.height <= 0 || left >= docW || top >= docH;
  };
  const boxShown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width >= 2 && r.height >= 2 && !offPage(r);
  };
  const shown = (el) => {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    return boxShown(el) && !hiddenByTree(el);
  };
  const labelOf = (el) => (el.labels && el.labels[0]) || el.closest('label');
  const visibleControl = (el) => {
    if (shown(el)) return true;
    if (el.tagName === 'INPUT' && (el.type === 'radio' || el.type === 'checkbox')) {
      const label = labelOf(el);
      return !!label && shown(label) && !hiddenByTree(parentOf(el) || el);
    }
    return false;
  };

  // The visible text of a subtree, lines as a person reads them.
  const blockDisplay = /^(block|flex|grid|table|table-row|table-cell|list-item|flow-root|table-caption|table-header-group|table-row-group)$/;
  const textOf = (top) => {
    if (!top) return '';
    const out = [];
    let line = '';
    const walk = (node) => {
      if (node.nodeType === 3) { const t = node.data.replace(/\\s+/g, ' '); if (t.trim()) line += t; return; }
      if (node.nodeType !== 1) return;
      const el = node;
      if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT' || el.tagName === 'TEMPLATE') return;
      if (el.tagName === 'BR') { out.push(line); line = ''; return; }
      if (el !== top && hiddenByTree(el)) return;
      const s = getComputedStyle(el);
      if (s.display === 'none') return;
      // Not rendered (the content of a closed <details>, content-visibility: hidden).
      if (el !== top && s.display !== 'contents' && el.checkVisibility && !el.checkVisibility()) return;
      if (el !== top && s.display !== 'contents') {
        // Off the page (a text parked at left: -9999px); a zero-size box may still hold floated children.
        const r = el.getBoundingClientRect();
        if ((r.width > 0 || r.height > 0) && offPage(r)) return;
      }
      const block = blockDisplay.test(s.display);
      if (block && line.trim()) { out.push(line); line = ''; }
      const spaced = !block && s.display !== 'inline';
      if (spaced) line += ' ';
      if (el.tagName === 'INPUT' && (el.type === 'submit' || el.type === 'button')) line += ' ' + el.value + ' ';
      if (el.tagName === 'SELECT') { const o = el.options[el.selectedIndex]; if (o) line += ' ' + o.text + ' '; return; }
      for (const child of el.childNodes) walk(child);
      if (el.shadowRoot) for (const child of el.shadowRoot.childNodes) walk(child);
      if (block && line.trim()) { out.push(line); line = ''; }
      if (spaced) line += ' ';
    };
    walk(top);
    if (line.trim()) out.push(line);
    return out.map(flat).filter(Boolean).join('\\n');
  };

  const byId = (el, id) => { const r = el.getRootNode(); return (r.getElementById ? r.getElementById(id) : null) || document.getElementById(id); };
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) { const t = flat(by.split(/\\s+/).map((id) => { const n = byId(el, id); return n ? n.textContent : ''; }).join(' ')); if (t) return t; }
    const aria = flat(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (el.tagName === 'INPUT') {
      if (['submit', 'button', 'reset'].includes(el.type)) return flat(el.value);
      if (el.type === 'image') return flat(el.alt);
      const labels = flat(el.labels ? Array.from(el.labels).map((l) => l.innerText).join(' ') : '');
      if (labels) return labels;
      const wrap = el.closest('label');
      if (wrap) return flat(wrap.innerText);
      return flat(el.getAttribute('title') || el.placeholder || '');
    }
    if (el.tagName === 'SELECT' || el.tagName === 'TEXTAREA') {
      const labels = flat(el.labels ? Array.from(el.labels).map((l) => l.innerText).join(' ') : '');
      return labels || flat(el.getAttribute('title') || '');
    }
    const own = flat(el.innerText);
    if (own) return own;
    const img = el.querySelector('img[alt]');
    if (img && flat(img.alt)) return flat(img.alt);
    return flat(el.getAttribute('title') || '');
  };

  // Layers over the page: open dialogs, fixed or sticky boxes. The outermost one holds a control.
  const layerCache = new Map();
  const layerElement = (el) => {
    let found = null;
    for (let n = el; n && n !== document.body && n !== root; n = parentOf(n)) {
      if (n.nodeType !== 1) continue;
      if (layerCache.has(n)) { const cached = layerCache.get(n); if (cached) found = cached; break; }
      const s = getComputedStyle(n);
      const role = n.getAttribute('role');
      if (n.tagName === 'DIALOG' || role === 'dialog' || role === 'alertdialog' || n.getAttribute('aria-modal') === 'true' ||
          s.position === 'fixed' || s.position === 'sticky') found = n;
    }
    return found;
  };
  const layers = [];
  const layerIndex = (el) => {
    const top = layerElement(el);
    if (!top) return null;
    let index = layers.findIndex((l) => l.el === top);
    if (index < 0) {
      const r = top.getBoundingClientRect();
      const s = getComputedStyle(top);
      const role = top.getAttribute('role');
      const area = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
      layers.push({ el: top, modal: top.tagName === 'DIALOG' || role === 'dialog' || role === 'alertdialog' || top.getAttribute('aria-modal') === 'true',
        fixed: s.position === 'fixed', share: area / (vw * vh), shown: shown(top), z: Number(s.zIndex) || 0 });
      index = layers.length - 1;
    }
    return index;
  };

  // What dates a control sits under: its column and row headers in a table, its group's legend, the headings
  // and short lines before it. Nearest first.
  const contextOf = (el) => {
    const found = [];
    const push = (t) => { t = flat(t); if (t && t.length < 160 && !found.includes(t)) found.push(t); };
    const cell = el.closest('td, th, [role=gridcell], [role=cell]');
    if (cell) {
      push(cell.innerText);
      const row = cell.parentElement;
      const table = cell.closest('table, [role=grid], [role=table]');
      if (row && table) {
        const index = Array.from(row.children).indexOf(cell);
        const head = row.children[0];
        if (head && head !== cell) push(head.innerText);
        const headRows = Array.from(table.querySelectorAll('thead tr, tr:first-child')).reverse();
        for (const headRow of headRows) {
          const cells = Array.from(headRow.children);
          if (cells.length === row.children.length && cells[index] && cells[index] !== cell) push(cells[index].innerText);
          else if (cells.length === 1) push(cells[0].innerText);
        }
        const caption = table.querySelector('caption');
        if (caption) push(caption.innerText);
      }
    }
    let child = el;
    for (let n = parentOf(el), depth = 0; n && n !== document.body && depth < 8; child = n, n = parentOf(n), depth++) {
      if (n.nodeType !== 1) continue;
      const aria = n.getAttribute('aria-label');
      if (aria) push(aria);
      const legend = n.tagName === 'FIELDSET' ? n.querySelector(':scope > legend') : null;
      if (legend) push(legend.innerText);
      let sibling = child.previousElementSibling;
      for (let k = 0; sibling && k < 3; k++, sibling = sibling.previousElementSibling) {
        if (!shown(sibling)) continue;
        const t = sibling.innerText || '';
        if (t.length < 160) push(t);
      }
      if (found.length > 8) break;
    }
    return found.slice(0, 10);
  };

  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=radio], [role=checkbox], [role=option], [role=tab], [role=menuitem], [role=switch], [onclick], [tabindex]:not([tabindex="-1"])';
  const all = [];
  const collect = (scope) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.shadowRoot) collect(el.shadowRoot);
      all.push(el);
    }
  };
  collect(document);
  const controls = [];
  const seen = new Set();
  const roleOf = (el) => {
    const role = el.getAttribute('role');
    if (role) return role === 'switch' ? 'checkbox' : role;
    if (el.tagName === 'A') return 'link';
    if (el.tagName === 'SELECT') return 'combobox';
    if (el.tagName === 'TEXTAREA') return 'textbox';
    if (el.tagName === 'INPUT') {
      if (el.type === 'checkbox' || el.type === 'radio') return el.type;
      if (['submit', 'button', 'reset', 'image'].includes(el.type)) return 'button';
      return 'textbox';
    }
    return 'button';
  };
  let next = 0;
  for (const el of all) {
    if (el === document.body || el === root) continue;
    const matches = el.matches(SELECTOR);
    // A box a person would click (its pointer says so), with a short text of its own: a div made a button by a script.
    const pointer = !matches && ['DIV', 'SPAN', 'P', 'LI', 'LABEL'].includes(el.tagName) && getComputedStyle(el).cursor === 'pointer' &&
      !(parentOf(el) && parentOf(el).nodeType === 1 && getComputedStyle(parentOf(el)).cursor === 'pointer') &&
      !el.querySelector(SELECTOR) && !el.closest(SELECTOR);
    if (!matches && !pointer) continue;
    if (el.tagName === 'LABEL' && el.control) continue;
    if (seen.has(el)) continue;
    if (!visibleControl(el)) continue;
    // A control nested in another control (a link inside a button) is that control.
    const outer = parentOf(el) && parentOf(el).nodeType === 1 ? parentOf(el).closest('a[href], button, [role=button], [role=link]') : null;
    if (outer && outer !== el && seen.has(outer)) continue;
    seen.add(el);
    const name = nameOf(el);
    const role = roleOf(el);
    if (role === 'textbox' && el.type !== 'search') continue;
    const disabled = !!el.disabled || el.getAttribute('aria-disabled') === 'true' || !!el.closest('fieldset[disabled]');
    const id = String(next++);
    el.setAttribute(mark, id);
    const layer = layerIndex(el);
    const zone = el.closest('nav, header, footer, [role=navigation], [role=banner], [role=contentinfo]') ? 'nav' : 'main';
    const control = { id, role, name, description: flat(el.getAttribute('title') || ''), disabled, layer, zone, tag: el.tagName.toLowerCase() };
    if (el.tagName === 'A') control.href = el.getAttribute('href') || '';
    // Only a name given by aria can differ from the words shown: the others were read from those words already.
    if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) {
      const shown = flat(el.innerText).slice(0, 120);
      if (shown && shown !== name) control.shown = shown;
    }
    if (el.closest('td, th, [role=gridcell], [role=cell]')) control.cell = true;
    if (el.tagName === 'A') {
      // The title of the card the link is on (a lieu's name above its « Prochaine disponibilité » link).
      for (let n = parentOf(el), depth = 0; n && n !== document.body && depth < 4; n = parentOf(n), depth++) {
        const title = Array.from(n.querySelectorAll('h1, h2, h3, h4, h5, h6')).find((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (title) { control.card = flat(title.innerText); break; }
      }
    }
    if (role === 'radio' || role === 'checkbox') {
      control.checked = el.checked === true || el.getAttribute('aria-checked') === 'true';
      control.required = !!el.required || el.getAttribute('aria-required') === 'true';
      control.value = el.value || '';
      const group = el.closest('fieldset, [role=radiogroup], [role=group]');
      const legend = group ? (group.querySelector('legend') || null) : null;
      control.group = (el.name || '') + '|' + flat(legend ? legend.innerText : group ? (group.getAttribute('aria-label') || '') : '');
    }
    if (role === 'combobox' && el.tagName === 'SELECT') {
      control.options = Array.from(el.options).map((o) => ({ value: o.value, text: flat(o.text), disabled: o.disabled }));
      control.value = el.value;
    }
    if (/\\d/.test(name + ' ' + control.description) || role === 'combobox' || el.closest('td, [role=gridcell], [role=cell]')) control.context = contextOf(el);
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x >= 0 && y >= 0 && x < vw && y < vh) {
      const hit = el.getRootNode().elementFromPoint ? el.getRootNode().elementFromPoint(x, y) : document.elementFromPoint(x, y);
      const label = hit && hit.closest ? hit.closest('label') : null;
      const mine = !hit || hit === el || el.contains(hit) || hit.contains(el) || (label && (label.control === el || label.contains(el)));
      if (!mine) { const over = layerIndex(hit); if (over !== null && over !== layer) control.coveredBy = over; }
    }
    controls.push(control);
  }

  // Text: the page's own, and each layer's apart.
  const bodyText = textOf(document.body);
  for (const layer of layers) layer.text = layer.shown ? textOf(layer.el) : '';
  // Frames that are layers (a consent manager in an iframe) or sit in one.
  const frames = [];
  for (const frame of document.querySelectorAll('iframe, frame')) {
    if (!shown(frame)) continue;
    const layer = layerIndex(frame);
    if (layer === null) continue;
    frame.setAttribute(frameMark, String(layer));
    frames.push({ layer });
  }
  const headings = Array.from(document.querySelectorAll('h1, h2, [role=heading]')).filter((h) => shown(h) && layerElement(h) === null);
  const heading = flat((headings.find((h) => h.tagName === 'H2') || headings[0] || { innerText: '' }).innerText);
  const refresh = document.querySelector('meta[http-equiv="refresh" i]');
  const busy = Array.from(document.querySelectorAll('[aria-busy="true"], [role="progressbar"]')).some((el) => shown(el));
  const present = (selector) => { try { return Array.from(document.querySelectorAll(selector)).some((el) => el.tagName === 'SCRIPT' || shown(el)); } catch (e) { return false; } };
  const alerts = Array.from(document.querySelectorAll('[role=alert], .error, .erreur, .alert, .fr-alert--error, .fr-error-text')).filter(shown).map((el) => flat(el.innerText)).filter(Boolean);
  return {
    url: location.href, title: document.title, heading, h1: flat((headings.find((h) => h.tagName === 'H1') || { innerText: '' }).innerText), text: bodyText, controls, alerts,
    layers: layers.map((l, index) => ({ index, modal: l.modal, fixed: l.fixed, share: l.share, shown: l.shown, z: l.z, text: l.text || '' })),
    frames, refresh: refresh ? flat(refresh.getAttribute('content')) : null, busy,
    challenge: present(challengeSelector), captcha: present(captchaSelector),
  };
})`;
