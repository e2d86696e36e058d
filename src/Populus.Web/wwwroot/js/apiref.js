// Renders the OpenAPI document as a list of endpoints grouped by tag (offline: no external assets).
'use strict';
(async function () {
  const target = document.getElementById('endpoints');
  const doc = await (await fetch('/openapi/v1.json')).json();
  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method: method.toUpperCase(), op });
    }
  }
  target.textContent = '';
  for (const [tag, ops] of [...byTag.entries()].sort()) {
    const section = document.createElement('section');
    section.className = 'card';
    const h = document.createElement('h2');
    h.textContent = tag;
    section.appendChild(h);
    const table = document.createElement('table');
    table.className = 'grid';
    for (const { path, method, op } of ops) {
      const tr = table.insertRow();
      const m = tr.insertCell(); m.textContent = method; m.className = 'method ' + method.toLowerCase();
      const p = tr.insertCell(); const code = document.createElement('code'); code.textContent = path; p.appendChild(code);
      const params = (op.parameters || []).map(x => x.name + (x.required ? '*' : '')).join(', ');
      const s = tr.insertCell(); s.textContent = (op.summary || op.operationId || '') + (params ? '  [' + params + ']' : '');
      const r = tr.insertCell(); r.textContent = Object.keys(op.responses || {}).join(' ');
    }
    section.appendChild(table);
    target.appendChild(section);
  }
})();
