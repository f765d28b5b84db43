// The e-mail editor page: GrapesJS with its newsletter preset, LoyaltyDesk's blocks and
// merge tags, talking to the app's EmailEditor (widgets/emaileditor.h) over QWebChannel.
// C++ -> page: the bridge's signals loadRequested, commandRequested, contentRequested,
// variablesChanged. Page -> C++: pageReady, pageChanged, contentReady, pickImage.
'use strict';

(function () {
  let editor = null;
  let bridge = null;
  let t = {};
  let variables = [];
  let loading = false;

  // GrapesJS writes text with &quot; &#039; &gt; &lt; &amp;: Liquid must read them as typed.
  const liquid = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
  const entities = { '&quot;': '"', '&#039;': "'", '&#39;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&', '&nbsp;': ' ' };
  const unescapeLiquid = (html) => html.replace(liquid, (m) => m.replace(/&(quot|#0?39|gt|lt|amp|nbsp);/g, (e) => entities[e]));

  // `customer.first_name` -> `{{ customer.first_name }}`; expressions with braces stay as given.
  function mergeTagOf(v) {
    if (typeof v === 'string') return /\{\{|\{%/.test(v) ? v : `{{ ${v.trim()} }}`;
    if (v.type === 'money') return `{{ ${v.path} | money }}`;
    if (v.type === 'datetime' || v.type === 'date') return `{{ ${v.path} | date: "%d.%m.%Y" }}`;
    if (v.type === 'list') return `{% for item in ${v.path} %}{{ item.name }} {% endfor %}`;
    return `{{ ${v.path} }}`;
  }

  // The top-level component (a child of the wrapper) that holds `c`.
  function topLevel(c) {
    const wrapper = editor.getWrapper();
    while (c && c.parent() && c.parent() !== wrapper) c = c.parent();
    return c && c.parent() === wrapper ? c : null;
  }

  // Appends `content` after the block holding the selection, or at the end.
  function addTopLevel(content) {
    const wrapper = editor.getWrapper();
    const top = topLevel(editor.getSelected());
    const at = top ? wrapper.components().indexOf(top) + 1 : wrapper.components().length;
    const added = wrapper.append(content, { at });
    if (added.length) editor.select(added[0]);
    return added;
  }

  function insertMergeTag(expression) {
    const text = mergeTagOf(expression);
    const editing = editor.getEditing();
    if (editing && editing.getView()) {
      const el = editing.getView().el;
      el.focus();
      editor.Canvas.getDocument().execCommand('insertText', false, text);
      return;
    }
    const selected = editor.getSelected();
    if (selected && selected.is('text')) {
      selected.append({ type: 'textnode', content: text });
    } else if (selected && selected.is('cell')) {
      selected.append({ type: 'text', content: text });
    } else {
      const added = addTopLevel(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:12px 24px;font-family:Helvetica,Arial,sans-serif;font-size:16px;color:#111827;">${text}</td></tr></table>`);
      if (!added.length) editor.getWrapper().append({ type: 'text', content: text });
    }
  }

  function insertBlock(id) {
    const block = editor.Blocks.get(id);
    if (!block) return;
    addTopLevel(block.get('content'));
  }

  function insertImage(url) {
    editor.AssetManager.add(url);
    const selected = editor.getSelected();
    if (selected && selected.is('image')) {
      selected.set('src', url);
      return;
    }
    addTopLevel(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" style="padding:12px 24px;">` +
      `<img src="${url}" alt="" style="display:block;max-width:100%;height:auto;border:0;"/></td></tr></table>`);
  }

  function openTagPicker() {
    const box = document.createElement('div');
    box.className = 'ld-tags';
    const input = document.createElement('input');
    input.placeholder = t.searchTags;
    const list = document.createElement('ul');
    box.append(input, list);
    const render = () => {
      const q = input.value.trim().toLowerCase();
      list.innerHTML = '';
      for (const v of variables) {
        if (q && !v.path.toLowerCase().includes(q) && !(v.description || '').toLowerCase().includes(q)) continue;
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = v.path;
        const note = document.createElement('span');
        note.textContent = v.description || '';
        li.append(code, note);
        li.addEventListener('mousedown', (e) => e.preventDefault());  // keep the caret in the text
        li.addEventListener('click', () => {
          editor.Modal.close();
          insertMergeTag(v);
        });
        list.append(li);
      }
    };
    input.addEventListener('input', render);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && list.firstChild) list.firstChild.click();
    });
    render();
    editor.Modal.open({ title: t.mergeTags, content: box });
    setTimeout(() => input.focus(), 0);
  }

  async function exportContent() {
    const editing = editor.getEditing();
    if (editing && editing.getView() && editing.getView().syncContent) await editing.getView().syncContent({ force: true });
    // The preset answers the wrapper as <body ...>…</body>; our document has its own body.
    const inlined = unescapeLiquid(editor.runCommand('gjs-get-inlined-html'));
    const wrapped = /^\s*<body[^>]*>([\s\S]*)<\/body>\s*$/.exec(inlined);
    const body = wrapped ? wrapped[1] : inlined;
    const html = '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n' +
      '<body style="margin:0;padding:0;background-color:#f4f5f7;">\n' + body + '\n</body>\n</html>\n';
    return { html, design: JSON.stringify(editor.getProjectData()) };
  }

  function load(html, design) {
    loading = true;
    editor.selectRemove(editor.getSelectedAll());
    if (design) {
      editor.loadProjectData(JSON.parse(design));
    } else {
      // Only the body and the styles of a whole document become components.
      const doc = new DOMParser().parseFromString(html || '', 'text/html');
      editor.Css.clear();
      const styles = Array.from(doc.querySelectorAll('style')).map((s) => s.outerHTML).join('');
      editor.setComponents(styles + doc.body.innerHTML);
    }
    editor.UndoManager.clear();
    setTimeout(() => {
      loading = false;
      bridge.pageLoaded();
    }, 0);
  }

  function command(name, argument) {
    switch (name) {
      case 'mergeTag': insertMergeTag(argument); break;
      case 'block': insertBlock(argument); break;
      case 'image': insertImage(argument); break;
      case 'undo': editor.UndoManager.undo(); break;
      case 'redo': editor.UndoManager.redo(); break;
      case 'mergeTags': openTagPicker(); break;
      default: console.warn('unknown command', name);
    }
  }

  function changed() {
    if (loading) return;
    bridge.pageChanged(editor.UndoManager.hasUndo(), editor.UndoManager.hasRedo());
  }

  function init() {
    t = bridge.texts;
    const presetModule = window['grapesjs-preset-newsletter'];
    const preset = presetModule.default || presetModule;
    // GrapesJS's own Russian, then the app's texts for what it and the preset leave in English.
    const locale = bridge.language === 'ru' && window.ldLocaleRu ? 'ru' : 'en';
    const i18n = { locale, detectLocale: false, messagesAdd: { [locale]: bridge.messages } };
    if (locale === 'ru') i18n.messages = { ru: window.ldLocaleRu };
    editor = grapesjs.init({
      container: '#gjs',
      height: '100%',
      fromElement: false,
      storageManager: false,
      undoManager: { trackSelection: false },
      i18n,
      assetManager: { upload: false, embedAsBase64: true },
      plugins: [(ed) => preset(ed, {
        modalTitleImport: t.importTitle,
        modalTitleExport: t.exportTitle,
        modalBtnImport: t.importButton,
        textCleanCanvas: t.clearConfirm,
        block: () => ({ category: t.presetCategory }),
      })],
    });
    // Ours first, above the preset's.
    window.ldBlocks(t).forEach((b, at) => {
      editor.Blocks.add(b.id, { label: b.label, media: b.media, content: b.content, category: t.category }, { at });
    });
    editor.Commands.add('ld-merge-tags', { run: openTagPicker });
    editor.Commands.add('ld-image-file', { run: () => bridge.pickImage() });
    editor.Panels.addButton('options', { id: 'ld-merge-tags', label: '{ }', command: 'ld-merge-tags', attributes: { title: t.mergeTags } });
    editor.Panels.addButton('options', { id: 'ld-image-file', className: 'fa fa-picture-o', command: 'ld-image-file', attributes: { title: t.imageFile } });
    editor.RichTextEditor.add('ld-merge-tag', { icon: '<b>{ }</b>', attributes: { title: t.mergeTags }, result: () => openTagPicker() });
    editor.on('update', changed);
    editor.on('undo', changed);
    editor.on('redo', changed);
    editor.on('load', () => {
      bridge.loadRequested.connect(load);
      bridge.commandRequested.connect(command);
      bridge.variablesChanged.connect((json) => { variables = JSON.parse(json); });
      bridge.contentRequested.connect((id) => {
        exportContent().then((c) => bridge.contentReady(id, c.html, c.design), (e) => bridge.contentFailed(id, String(e)));
      });
      bridge.pageReady();
    });
    window.ldEditor = editor;
  }

  new QWebChannel(qt.webChannelTransport, (channel) => {
    bridge = channel.objects.bridge;
    init();
  });
})();
