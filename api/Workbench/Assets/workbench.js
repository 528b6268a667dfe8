// PetitionGraph's GraphiQL: the session cookie signs every request (marked with the session header, which another
// site's page cannot send), ready-made examples, and export of a result to XLSX or CSV with progress.
(function () {
  'use strict';
  var root = document.getElementById('workbench');
  var sessionHeader = root.getAttribute('data-session-header');
  var maxRows = Number(root.getAttribute('data-max-rows'));
  var e = React.createElement;
  var GR = GraphiQL.React;

  function withSession(headers) {
    var all = {};
    all[sessionHeader] = '1';
    Object.keys(headers || {}).forEach(function (k) { all[k] = headers[k]; });
    return all;
  }

  function parseJson(text, what) {
    if (!text || !text.trim()) { return undefined; }
    try { return JSON.parse(text); } catch (err) { throw new Error(what + ' are not valid JSON: ' + err.message); }
  }

  // One export at a time; the panel and the toolbar button both show and start it.
  var exportState = { status: 'idle' };
  var listeners = [];
  function setExport(next) { exportState = next; listeners.forEach(function (l) { l(next); }); }
  function useExport() {
    var pair = React.useState(exportState);
    React.useEffect(function () {
      listeners.push(pair[1]);
      return function () { listeners = listeners.filter(function (l) { return l !== pair[1]; }); };
    }, []);
    return pair[0];
  }

  function fileName(response, format) {
    var header = response.headers.get('content-disposition') || '';
    var match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : 'export.' + format;
  }

  async function runExport(editors, format) {
    if (exportState.status === 'running') { return; }
    var started = performance.now();
    try {
      var body = {
        query: editors.queryEditor ? editors.queryEditor.getValue() : '',
        variables: parseJson(editors.variableEditor && editors.variableEditor.getValue(), 'Variables'),
        operationName: (editors.queryEditor && editors.queryEditor.operationName) || undefined
      };
      var headers = parseJson(editors.headerEditor && editors.headerEditor.getValue(), 'Headers') || {};
      headers['Content-Type'] = 'application/json';
      setExport({ status: 'running', format: format, bytes: 0, rows: 0 });
      var response = await fetch('/graphql/export?format=' + format, { method: 'POST', headers: withSession(headers), body: JSON.stringify(body), credentials: 'same-origin' });
      if (!response.ok) {
        var problem = await response.json().catch(function () { return null; });
        throw new Error((problem && problem.errors && problem.errors[0] && problem.errors[0].message) || ('HTTP ' + response.status));
      }
      var reader = response.body.getReader();
      var chunks = [];
      var bytes = 0;
      var lines = 0;
      for (;;) {
        var part = await reader.read();
        if (part.done) { break; }
        chunks.push(part.value);
        bytes += part.value.length;
        if (format === 'csv') { for (var i = 0; i < part.value.length; i++) { if (part.value[i] === 10) { lines++; } } }
        setExport({ status: 'running', format: format, bytes: bytes, rows: Math.max(0, lines - 1) });
      }
      var name = fileName(response, format);
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('content-type') }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setExport({ status: 'done', format: format, name: name, bytes: bytes, rows: format === 'csv' ? Math.max(0, lines - 1) : null, seconds: (performance.now() - started) / 1000 });
    } catch (err) {
      setExport({ status: 'error', format: format, message: err && err.message ? err.message : String(err) });
    }
  }

  function size(bytes) { return bytes > 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.ceil(bytes / 1024) + ' KB'; }

  function ExportStatus() {
    var s = useExport();
    if (s.status === 'running') {
      return e('p', { className: 'wb-status', role: 'status' }, '正在导出 Exporting ' + s.format.toUpperCase() + '… ' + size(s.bytes) + (s.format === 'csv' ? ' · ' + s.rows.toLocaleString() + ' 行 rows' : ''));
    }
    if (s.status === 'done') {
      return e('p', { className: 'wb-status wb-done', role: 'status' }, '已导出 Exported ' + s.name + ' (' + size(s.bytes) + (s.rows !== null ? ', ' + s.rows.toLocaleString() + ' 行 rows' : '') + ', ' + s.seconds.toFixed(1) + ' s)');
    }
    if (s.status === 'error') {
      return e('p', { className: 'wb-status wb-error', role: 'alert' }, '导出失败 Export failed: ' + s.message);
    }
    return null;
  }

  function ExportPanel() {
    var editors = GR.useEditorContext({ nonNull: true });
    var s = useExport();
    return e('div', { className: 'wb-panel' },
      e('div', { className: 'graphiql-doc-explorer-title' }, '导出 Export'),
      e('p', null, '运行编辑器中的查询，把结果中的第一个列表（如 cases 的 nodes，自动翻页）写成表格。Runs the query in the editor and writes the first list in its result — every page of a connection — as a table.'),
      e('p', { className: 'wb-muted' }, '最多 At most ' + maxRows.toLocaleString() + ' 行 rows. 与查询相同的权限、脱敏与审计 Same scope, masking and audit as the query.'),
      e('p', null,
        e('button', { type: 'button', className: 'wb-button', disabled: s.status === 'running', onClick: function () { runExport(editors, 'xlsx'); } }, '导出 Excel (XLSX)'),
        ' ',
        e('button', { type: 'button', className: 'wb-button', disabled: s.status === 'running', onClick: function () { runExport(editors, 'csv'); } }, '导出 CSV')),
      e(ExportStatus));
  }

  function ExamplesPanel() {
    var editors = GR.useEditorContext({ nonNull: true });
    var pair = React.useState(null);
    var examples = pair[0];
    React.useEffect(function () {
      fetch('/graphql/ide/examples.json', { headers: withSession({}), credentials: 'same-origin' })
        .then(function (r) { return r.json(); }).then(pair[1]).catch(function () { pair[1]([]); });
    }, []);
    function open(example) {
      editors.addTab();
      // The new tab's editors are filled on the next render.
      setTimeout(function () { editors.queryEditor && editors.queryEditor.setValue(example.Query); }, 50);
    }
    if (examples === null) { return e('p', null, '正在加载 Loading…'); }
    var groups = {};
    examples.forEach(function (x) { (groups[x.Group] = groups[x.Group] || []).push(x); });
    return e('div', { className: 'wb-panel' },
      e('div', { className: 'graphiql-doc-explorer-title' }, '示例 Examples'),
      e('p', { className: 'wb-muted' }, '点击在新标签页中打开。Click to open in a new tab.'),
      Object.keys(groups).map(function (group) {
        return e('section', { key: group },
          e('h3', { className: 'wb-group' }, group),
          e('ul', { className: 'wb-examples' }, groups[group].map(function (x, i) {
            return e('li', { key: i }, e('button', { type: 'button', className: 'wb-link', title: x.Query, onClick: function () { open(x); } }, x.Title));
          })));
      }));
  }

  function icon(text) { return function () { return e('span', { className: 'wb-icon', 'aria-hidden': true }, text); }; }

  var examplesPlugin = { title: '示例 Examples', icon: icon('例'), content: ExamplesPanel };
  var exportPlugin = { title: '导出 Export', icon: icon('⤓'), content: ExportPanel };

  function ExportButton() {
    var editors = GR.useEditorContext({ nonNull: true });
    var plugins = GR.usePluginContext();
    return e(GR.ToolbarButton, {
      label: '导出 Excel (XLSX)',
      onClick: function () { if (plugins) { plugins.setVisiblePlugin(exportPlugin); } runExport(editors, 'xlsx'); }
    }, e('span', { className: 'wb-toolbar-text', 'aria-hidden': true }, 'XLSX'));
  }

  var fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: withSession({}) });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(e(GraphiQL, {
    fetcher: fetcher,
    // Queries and variables may name petitioners: kept for this browser session only, like the sign-in.
    storage: window.sessionStorage,
    shouldPersistHeaders: false,
    plugins: [examplesPlugin, exportPlugin],
    visiblePlugin: location.hash === '#examples' ? examplesPlugin : undefined,
    defaultEditorToolsVisibility: true,
    toolbar: { additionalContent: e(ExportButton) },
    defaultQuery: '# PetitionGraph · 信访事项 GraphQL\n# 左侧“示例”有可直接运行的查询；“导出”把结果写成 Excel。\n# Examples on the left; Export writes a result to Excel.\n{\n  cases(first: 5, where: { inBacklog: { eq: true } }, order: [{ backlogSince: ASC }]) {\n    totalCount\n    nodes { number title status backlogSince village { name } }\n  }\n}\n'
  }));
})();
