// A Zed extension that runs soplint's language server: `soplint lsp --stdio` from PATH, with
// the user's `lsp.soplint.settings` answered to the server's workspace/configuration requests.
use zed_extension_api::{self as zed, serde_json, settings::LspSettings};

struct Soplint;

impl zed::Extension for Soplint {
    fn new() -> Self {
        Soplint
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree
            .which("soplint")
            .ok_or_else(|| "soplint is not on PATH (in a clone of soplint: npm ci && npm install -g .)".to_string())?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into(), "--stdio".into()],
            env: Default::default(),
        })
    }

    fn language_server_workspace_configuration(
        &mut self,
        _language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree("soplint", worktree)
            .ok()
            .and_then(|s| s.settings)
            .unwrap_or_default();
        Ok(Some(serde_json::json!({ "soplint": settings })))
    }
}

zed::register_extension!(Soplint);
