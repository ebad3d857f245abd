// A small VS Code extension: it starts soplint's language server and gets out of the way.
// Diagnostics, quick fixes, "fix all", hover and settings are the server's.
const {existsSync} = require('node:fs')
const path = require('node:path')
const {workspace} = require('vscode')
const {LanguageClient, TransportKind} = require('vscode-languageclient/node')

let client

/** The server to run: soplint.path, else the workspace's soplint, else `soplint` on PATH. */
function serverOptions() {
  const configured = workspace.getConfiguration('soplint').get('path')
  const local = (workspace.workspaceFolders ?? [])
    .map((folder) => path.join(folder.uri.fsPath, 'node_modules', 'soplint', 'bin', 'soplint.js'))
    .find((file) => existsSync(file))
  const module = configured || local
  // Run with VS Code's own Node, over stdio (the client adds --stdio).
  if (module) return {module, args: ['lsp'], transport: TransportKind.stdio}
  return {command: 'soplint', args: ['lsp', '--stdio'], options: {shell: process.platform === 'win32'}}
}

exports.activate = async function activate() {
  const languages = workspace.getConfiguration('soplint').get('languages') ?? ['markdown', 'plaintext', 'latex']
  client = new LanguageClient('soplint', 'soplint', serverOptions(), {
    documentSelector: languages.flatMap((language) => [{scheme: 'file', language}, {scheme: 'untitled', language}])
  })
  await client.start()
}

exports.deactivate = function deactivate() {
  return client?.stop()
}
