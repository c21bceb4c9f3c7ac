// Starts `spec lsp` for serverless.yml/.yaml/.json and connects VS Code to it (stdio).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('spec');
  const command = config.get('path', 'spec');
  const args = ['lsp', ...config.get('args', [])];
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: ['serverless.yml', 'serverless.yaml', 'serverless.json'].map((name) => ({
      scheme: 'file',
      pattern: `**/${name}`,
    })),
    // .spec.yml is read on every check; saving it re-checks what is open.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.spec.yml') },
  };
  client = new LanguageClient('spec', 'Spec', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
